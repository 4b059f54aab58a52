"""My clinic tab: the attached clinic, the OMS policy, the change of clinic."""
