"""The resource types a patient's $everything may hold (FHIR R4), for `_type`.

The Patient compartment's types (CompartmentDefinition patient, R4) and the shared ones
$everything brings along because records refer to them. Naming them here saves asking the
CapabilityStatement first — a round trip before the first page over a slow link (issue
19); a portal that refuses the list is asked after all (see streams.py).
"""

from __future__ import annotations

PATIENT_COMPARTMENT = (
    "Account AdverseEvent AllergyIntolerance Appointment AppointmentResponse AuditEvent "
    "Basic BodyStructure CarePlan CareTeam ChargeItem Claim ClaimResponse ClinicalImpression "
    "Communication CommunicationRequest Composition Condition Consent Coverage "
    "CoverageEligibilityRequest CoverageEligibilityResponse DetectedIssue DeviceRequest "
    "DeviceUseStatement DiagnosticReport DocumentManifest DocumentReference Encounter "
    "EnrollmentRequest EpisodeOfCare ExplanationOfBenefit FamilyMemberHistory Flag Goal "
    "Group ImagingStudy Immunization ImmunizationEvaluation ImmunizationRecommendation "
    "Invoice List MeasureReport Media MedicationAdministration MedicationDispense "
    "MedicationRequest MedicationStatement MolecularSequence NutritionOrder Observation "
    "Patient Person Procedure Provenance QuestionnaireResponse RelatedPerson RequestGroup "
    "ResearchSubject RiskAssessment Schedule ServiceRequest Specimen SupplyDelivery "
    "SupplyRequest Task VisionPrescription"
).split()
# Shared resources the records refer to (doctors, clinics, drugs, devices).
REFERENCED = (
    "Practitioner PractitionerRole Organization Location HealthcareService Endpoint "
    "Medication Substance Device Binary"
).split()
EVERYTHING_TYPES = tuple(dict.fromkeys([*PATIENT_COMPARTMENT, *REFERENCED]))
