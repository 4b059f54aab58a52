"""Documents (issue 12): what the portal holds for a person (`fhir.py`), their originals
kept in the encrypted cache and checked (`originals.py`, `signature.py`), the kinds one may
order (`kinds.py`) and the orders and paper copies (`orders.py`)."""
