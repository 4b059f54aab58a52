"""My clinic: the attachment, the change of clinic and the OMS policy (issue 13)."""
