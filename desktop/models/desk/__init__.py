"""The registry desk's Qt side (issue 14): its door to the portal, the shift, the search,
the patient on screen, the day board, booking and the idle lock."""
