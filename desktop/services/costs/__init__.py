"""Services received and their cost (issue 12): ExplanationOfBenefit (or Claim) parsed in
one place (`fhir.py`), filtered and totalled (`totals.py`), and the "I did not receive
this service" report to the insurer (`reports.py`)."""
