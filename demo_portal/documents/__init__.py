"""Documents the demo portal issues (issue 12): real PDFs with the clinic's requisites,
signed with a detached CMS signature by a demo certificate, stored as DocumentReference
+ Binary + Provenance.

- `kinds`: the document kinds the portal offers (a CodeSystem the app reads);
- `fonts`: a TrueType font with Cyrillic from the system (DejaVu, Arial, ...);
- `pdf`: laying a document out (fpdf2);
- `signing`: the demo CA and the clinics' signing certificates, CMS/PKCS#7 (cryptography);
- `issue`: one issued document as FHIR resources, with what each kind says.
"""
