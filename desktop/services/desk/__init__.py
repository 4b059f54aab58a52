"""The registry desk (issue 14), Qt-free: staff sign-in, patient search, the patient's
page, the day board, status changes and the documents to print. Nothing here writes to
disk: the desk keeps the current patient in memory only."""
