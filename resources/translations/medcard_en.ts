<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountSession</name>
    <message numerus="yes">
        <source>%n record(s) could not be read and were skipped.</source>
        <translation>
            <numerusform>%n record could not be read and was skipped.</numerusform>
            <numerusform>%n records could not be read and were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ages</name>
    <message numerus="yes">
        <source>%n y.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Finish signing in in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo portal…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationList</name>
    <message>
        <source>Applications to change the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applications.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationRow</name>
    <message>
        <source>By choice again from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentDetails</name>
    <message>
        <source>Join video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save ticket as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to calendar (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an appointment to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available from 10 minutes before the start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <source>Book an appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call a doctor home…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export upcoming (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to book appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: booking, cancelling and requests need the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not offer booking: its clinics take appointments elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request for a doctor at home has been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked: %1, %2. Ticket %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment has been cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>All doctors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading today&apos;s schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;octor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book an appointment — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit to the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal offers no appointments of this type right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading specialties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (my clinic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for free time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free time in the next four weeks. Try another doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free time this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardTab</name>
    <message>
        <source>Request a paper copy of the chosen records…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeClinicDialog</name>
    <message>
        <source>Looking for clinics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the clinic the person is attached to now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not taking new patients at the moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clinic matches. Try part of the name or the street.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By choice: possible again from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most once a year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new clinic&apos;s registry will ask to see:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the new clinic and the reason. The portal checks the rules at once; then the new clinic accepts or refuses, usually within a few days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, district or street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of residence (at any time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New address: street, house, flat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicCard</name>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal names no clinic this person is attached to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked of the portal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicModel</name>
    <message>
        <source>%1 has no valid OMS policy since %2: visits under OMS cannot be booked. Apply for a policy, with a passport, at an МФЦ or the insurance company: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The temporary OMS certificate of %1 ends today. Collect the policy at the insurance company: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OMS policy of %1 ends today. Renew it at an МФЦ or the insurance company: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The temporary OMS certificate of %1 is valid for %n more day(s), until %2. Collect the policy before then at the insurance company: %3.</source>
        <translation>
            <numerusform>The temporary OMS certificate of %1 is valid for %n more day, until %2. Collect the policy before then at the insurance company: %3.</numerusform>
            <numerusform>The temporary OMS certificate of %1 is valid for %n more days, until %2. Collect the policy before then at the insurance company: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The OMS policy of %1 ends in %n day(s), on %2. Renew it before then at an МФЦ or the insurance company: %3.</source>
        <translation>
            <numerusform>The OMS policy of %1 ends in %n day, on %2. Renew it before then at an МФЦ or the insurance company: %3.</numerusform>
            <numerusform>The OMS policy of %1 ends in %n days, on %2. Renew it before then at an МФЦ or the insurance company: %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicTab</name>
    <message>
        <source>My clinic — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not take applications to change the clinic online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal rejected the application: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application was accepted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application was sent: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application was withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw this application? You stay attached to your present clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change clinic…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Type a date as %1, or pick it in the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose in the calendar (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>&amp;Find a patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the &amp;documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the document as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book a visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move the visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the ticket as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call a doctor &amp;home…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to &amp;booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Walk-in: next free time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shift</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskBookingDialog</name>
    <message>
        <source>Move the visit — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book a visit — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book and &amp;print the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book &amp;without printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Specialty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First free &amp;times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the clinic&apos;s doctors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any doctor (the first free time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter books the chosen time and prints the ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free time in the next three weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time has just been taken at another desk or by the patient online. The next free times are shown: choose one and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <source>The registry desk: the portal&apos;s address, then sign in as staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in at the portal… (finish it in the browser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo portal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending the shift…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift is over: you are signed out at the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift is over. The portal could not be told; the sign-in expires soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in at the portal in the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for the next patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No documents are ready for this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the documents for the printer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document was saved as PDF.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskSettingsDialog</name>
    <message>
        <source>Desk settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock the idle desk after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign out a locked desk after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lang&amp;uage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>Medcard — registry desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day board (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to start a shift</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a record to see it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save record as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written to %1. Check the folder and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the record to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiaryEntryDialog</name>
    <message>
        <source>Edit diary entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: after a walk, before breakfast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiaryImportDialog</name>
    <message>
        <source>Import readings from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines that will not be imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reading(s) to import.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) with errors.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Readings imported before are not added again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiaryPanel</name>
    <message>
        <source>My health diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the entries that wait on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Send now (%n waiting)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Your entry is kept: choose “Add entry…” to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are kept: choose “Edit…” on the entry again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this diary entry? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal cannot be reached: the entry is kept on this computer and will be sent when the portal is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n new reading(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already in the diary.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the portal: %n entries.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Select a document to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be shown: it is not a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original is not on this computer yet. Connect to the portal to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no file to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by %1 on %2: intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature names: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the original file (PDF) to a folder you choose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message numerus="yes">
        <source>Orders (%n)</source>
        <translation>
            <numerusform>Orders (%n)</numerusform>
            <numerusform>Orders (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No orders yet. Order a certificate, an extract or paper copies above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an order to see its state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document ready: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order rejected: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not take document orders online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not take requests for paper copies online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order a document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper copy of records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Medcard: something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medcard ran into a problem it did not expect. Your card and your entries are safe; you can go on working. If it happens again, please send us the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details are also in the log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Medcard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyModel</name>
    <message>
        <source>The request was withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You no longer have access to this card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyTab</name>
    <message>
        <source>Access requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests. To add a child&apos;s card, send a request: most are answered at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw this request for access? You can send a new one later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up access to %1&apos;s card? The card will be removed from this computer, and getting access again needs a new request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access granted: %1&apos;s card is being added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request for %1 sent. A check takes up to 5 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request for %1 is on hold: see what to bring below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request for %1 was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request for %1 sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not take requests for a child&apos;s card online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request access to a child&apos;s card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How access to a child&apos;s card works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A parent or adoptive parent can open a child&apos;s card until the child turns 15; from 15 a person holds their own access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardians and trustees cannot get online access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A birth certificate issued from 1 October 2018, or issued in Moscow, is checked at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otherwise the clinic checks your rights in person (up to 5 days): bring your passport, the child&apos;s insurance policy and birth certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When access ends, the child&apos;s card is removed from this computer at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <source>Records found: %n</source>
        <translation>
            <numerusform>Records found: %n</numerusform>
            <numerusform>Records found: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Search the whole card (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only this kind of record (combine several)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message numerus="yes">
        <source>%1, %n years</source>
        <translation>
            <numerusform>%1, %n year</numerusform>
            <numerusform>%1, %n years</numerusform>
        </translation>
    </message>
    <message>
        <source>Open this person&apos;s card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch new records from the portal (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal cannot be reached. The saved card is still available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeVisitDialog</name>
    <message>
        <source>Call a doctor home — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What worries you, since when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address where the doctor should come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the symptoms for the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a contact phone number with at least 10 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabsTab</name>
    <message>
        <source>Search analytes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save data (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or several analytes on the left to see how they changed over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on the chart — the unit cannot be converted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Open in a browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No web browser opened on this computer. Open this address in a browser yourself, for example on your phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Paste it into the address bar of a browser.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>The desk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds this desk. Unlocking asks for the password at the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish the shift</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Medcard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medcard — demo mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: synthetic data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in demo portal with a made-up family: this is not your medical card, and nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password / manage account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>Account holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own medical card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can open this card until the child turns 15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can open this card until the child turns 15 (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted. The card is being opened for you…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up access…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Order a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. for the employer, for a sports club</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic: a signed PDF in this app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper: pick it up at the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal has not listed the documents it issues yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document can be ordered online for this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A doctor writes it: usually by the next working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not take document orders online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders are sent when the portal can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperCopyDialog</name>
    <message>
        <source>Paper copy of records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic prints copies of electronic records the same day. Pick them up at the registry with your passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) chosen:</source>
        <translation>
            <numerusform>%n record chosen:</numerusform>
            <numerusform>%n records chosen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Every visit record in the period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n chosen record(s) of other kinds are not copied on paper.</source>
        <translation>
            <numerusform>%n chosen record of another kind is not copied on paper.</numerusform>
            <numerusform>%n chosen records of other kinds are not copied on paper.</numerusform>
        </translation>
    </message>
    <message>
        <source>Request paper copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not take requests for paper copies online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests are sent when the portal can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Opening the patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient open.
Type a surname, a policy or a phone number and press Enter; F4 shows the day board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OMS policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents to print (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyCard</name>
    <message>
        <source>The portal keeps no OMS policy for this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1, with no end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OMS insurance policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurer&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalChooser</name>
    <message>
        <source>sign-in through Gosuslugi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another portal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any FHIR portal with SMART sign-in, by its address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal&apos;s FHIR &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>I did not receive this service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your insurer will check with the clinic whether this service was provided. The answer appears next to the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment for the insurer (optional): e.g. I was not at the clinic that day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to the insurer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestAccessDialog</name>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request access to a child&apos;s card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parents and adoptive parents can open a child&apos;s card until the child turns 15. The clinic answers at once or after a check that takes up to 5 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance policy (OMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth certificate series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth certificate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are the child&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname, name, patronymic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example IV-МЮ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry office and town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesBox</name>
    <message>
        <source>How to change the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By choice: once a year. After moving house: at any time, with the new address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults and children are attached to separate polyclinics; a parent applies for a child.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal checks the rules at once; then the new clinic accepts or refuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new clinic&apos;s registry asks to see the passport (a child&apos;s birth certificate), the OMS policy and SNILS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname (the first letters), first name, birth date, policy or phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a little more: at least a letter or six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found. Check the spelling or search by policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2: add the first name or the birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Found: %n. Enter opens the patient.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Find a patient: Ivanov Sergey 17.07.1981</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a patient (F3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesFilterBar</name>
    <message>
        <source>Every clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;linic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>Total for the period: %1 · %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message>
        <source>By year: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No services match the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No services received are recorded in this card yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not take reports about services online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports are sent when the portal can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service is already reported; the insurer is checking it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a service (a line under a visit) to report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services received and their cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save services as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written to %1. Check the folder and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save services as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I did not receive this service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the list as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the list for a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesTreeModel</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me about appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark appearance follows the system settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeEdit</name>
    <message>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitFlows</name>
    <message>
        <source>Open a patient first: find them by surname, policy or phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an upcoming visit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a visit at the clinic can be moved here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked, ticket %1 printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked: ticket %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the visit of %1 to %2? The time becomes free for others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket was saved as PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The home visit request was sent to the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a booked time on the board first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as a no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s schedule is not read yet: press F4, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next free time today, for %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Medcard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your medical card from the clinics&apos; portal, kept encrypted on this computer so it opens instantly and works without the Internet. Sign in with your portal account; the portal&apos;s own page opens in your browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with Gosuslugi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception desk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For clinic staff: find patients, book and print; nothing is kept here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labs</name>
    <message>
        <source>Rising since the previous value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Falling since the previous value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the previous value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above the reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within the reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood chemistry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hormones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest value; ▲ above, ▼ below its range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the latest value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change since the previous value: ↗ ↘ →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of the reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not accept diary entries: your entries are shown, but new ones cannot be saved to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>converted from {units}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported as {value} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medcard</name>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharge summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COVID-19 tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit to the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time not set yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Please try again; your data is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such account in this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No single account matches; run &apos;medcard accounts&apos; to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account&apos;s saved data could not be deleted. Close other Medcard windows and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not support secure sign-in for desktop apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in was not completed in time. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open a web browser for signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time has just been taken by someone else. Please choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment can no longer be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local copy of the medical card cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local copy of the medical card is locked with another key. Sign in again to download the card anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local copy of the medical card is busy in another window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local copy of the medical card cannot be saved: the disk is full or read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the browser to sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts to sign out of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal could not be told; the sign-in was still removed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts. Sign in with: medcard sign-in --portal URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of {name}; its data was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use --secret-store encrypted-file to keep the sign-in in an encrypted file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oxygen saturation (SpO2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systolic pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mmHg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolic pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mmol/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The measurement time has no time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long (at most 1000 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The measurement time is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the value: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} of {value} {unit} is not plausible: expected {low}–{high} {unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolic pressure must be lower than systolic pressure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The measurement date is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large (more than {size} MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commands (no window; see medcard COMMAND --help):
  sign-in --portal URL   sign in at a patient portal in the browser
  sync [--json]          download what is new for every account
  accounts [--json]      list the accounts of this computer
  sign-out [ACCOUNT]     sign out and delete that account&apos;s data here

options of the commands:
  --profile DIR          profile folder (default: per user, or MEDCARD_PROFILE)
  --secret-store keyring|encrypted-file
                         where the sign-in is kept; encrypted-file asks for a master
                         password (or reads MEDCARD_MASTER_PASSWORD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medcard: your electronic medical card on the desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run against the built-in demo portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile folder (default: per user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save a PNG of the window and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the registry desk: staff find patients, book and print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size wants WxH, e.g. 1280x800, not {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body mass index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outpatient visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inpatient stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-admission visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medcard command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where tokens are kept; encrypted-file asks for a master password (or reads MEDCARD_MASTER_PASSWORD) and is remembered in the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign in at a portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds to wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign out, delete the account&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id, name or patient (default: the current one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync every account of the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the following arguments are required: {x}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument {a}: invalid choice: {x} (choose from {c})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument {a}: expected one argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unrecognized arguments: {x}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prog}: error: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clinic can be chosen at most once a year; after a change of residence it can be changed at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This clinic is not taking new patients. Please choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This clinic does not serve patients of this age: adults and children have separate polyclinics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person is already attached to this clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An application is already in review. Wait for its answer or withdraw it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review at the chosen clinic; it usually answers within a few days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted: the person is attached to the new clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen clinic refused the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You withdrew this application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OMS insurance policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SNILS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s birth certificate (a passport from the age of 14)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s OMS insurance policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s SNILS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent&apos;s passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose for whom the application is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the new clinic in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the reason for the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new address: street, house and flat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New-form policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old-form policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New-form policy, paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New-form policy, plastic card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New-form policy, electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported to the insurer: under review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurer confirmed: the service was not provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurer did not confirm: the clinic&apos;s records show the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted: this service is already being reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document arrived damaged. Try printing it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OMS policy on file: free booking will be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OMS policy is not valid today: free booking will be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The temporary OMS certificate ends soon: ask for the policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to another clinic: free visits there, not here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not attached to any clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is not a registry account. Sign in with the account of a registry staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit was changed meanwhile (by the patient or another desk). The page now shows it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free time of this specialty is left today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line must name the columns: date, time and at least one measurement (systolic, diastolic, pulse, glucose, weight, temperature, spo2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date or time not understood: “{text}” (expected 2026-11-25 or 25.11.2026 and 08:30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line has no measurement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a text CSV file (unknown encoding).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line cannot be read as CSV: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first {rows} lines are imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only your own diary entries can be changed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal cannot be reached. Entries already sent can be changed or deleted only when the portal is available; new entries are kept and sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the document was changed after it was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the electronic signature is damaged and does not hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the signature is not from a certificate the portal&apos;s certification authority issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no electronic signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature could not be checked yet (connect to the portal once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the downloaded file does not match the document&apos;s checksum: it is not the file the clinic described.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the downloaded file has a different size than the document says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal at this address cannot be reached. Check the address and the Internet connection, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal cannot be reached. Check the Internet connection and try again; the saved card remains available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal denied access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal has no such record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal sent an answer that could not be understood. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal is having problems. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal does not support this operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was changed meanwhile. Refresh and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal did not accept the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No working system keyring was found to keep the sign-in safely. You can store it in an encrypted file protected by a master password instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The master password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in did not succeed. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid portal address. It should look like https://portal.example/fhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal&apos;s security certificate could not be verified, so Medcard did not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal is busy. Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal is answering too slowly, so Medcard stopped waiting. Try again later; the saved card remains available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal sent more data in one answer than Medcard accepts, so it was not read. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal kept sending pages without end, so Medcard stopped reading them. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal tried to send Medcard to another address. Medcard did not follow it and sent nothing there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal&apos;s sign-in address is not protected by https, so Medcard did not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Medcard is syncing these cards right now. Try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal did not book the visit: there is no valid OMS insurance policy. Apply for one at the insurance company or an МФЦ (with a passport), then book again; the policy is on the My clinic tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal cannot open your card yet: your identity (SNILS) is not verified. Confirm your account at an МФЦ (take your passport and SNILS) or on Gosuslugi, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal does not offer the service in your region. Sign in at your region&apos;s own portal (choose it on the welcome screen), or ask your clinic&apos;s registry how to get your records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no FHIR server at this address. Check it: a portal&apos;s FHIR address usually ends in /fhir, and the portal&apos;s help pages name it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This FHIR server does not offer SMART sign-in, so Medcard cannot sign in to it. Ask the portal&apos;s support for the address of its patient access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal is busy. Try again in {minutes} min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring to the clinic: your passport, the child&apos;s insurance policy and the child&apos;s birth certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A check takes up to 5 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the age of 15 a person holds their own access to their medical card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardians and trustees cannot get online access to a child&apos;s card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have access to this child&apos;s card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your parental rights need to be checked in person at the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic could not confirm your parental rights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You withdrew this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child has turned 15 and now holds their own access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You gave up access to this child&apos;s card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please correct the highlighted fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal did not accept the e-mail or the password. Check them and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab for --screenshot (or welcome: the welcome screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New form (16 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old form (series and number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary certificate (9 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>series and number, e.g. 4512 1234567890</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>9 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the insurance policy number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new-form policy number has 16 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This policy number has a typing error: check the digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An old-form policy has a series and a number, e.g. 4512 1234567890.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A temporary certificate number has 9 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medcard cannot write to {path}: {reason}. Make the folder writable, or choose another profile folder with --profile DIR (or MEDCARD_PROFILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>µmol/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mg/dL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mg/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>g/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>g/dL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IU/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mIU/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>µIU/mL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ng/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ng/mL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg/mL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pmol/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nmol/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×10⁹/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×10¹²/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mm/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kg/m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mL/min/1.73 m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the date and the time of the measurement, as in {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adoptive parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trustee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the child&apos;s full name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the surname and the given name (and patronymic, if any).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name may contain only letters, spaces, hyphens and apostrophes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the child&apos;s birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the birth date: it is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the birth certificate series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The series is a Roman numeral and two Cyrillic letters, for example IV-МЮ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date the birth certificate was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issue date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate cannot be issued before the child was born.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the child&apos;s insurance policy number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the birth certificate number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter where the certificate was issued (the registry office and town).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who you are to the child.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth certificate number has 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The place of issue is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A portal address must not contain a user name or password. Enter the address only; you sign in on the portal&apos;s own page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a master password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted secrets file is in use by another Medcard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted secrets file is damaged or unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {n} resources received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: some records could not be read and were skipped ({n}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICD-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved. Check the folder and free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save ticket as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the appointment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the appointment on %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In two hours: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VHI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OMS (compulsory health insurance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VHI (voluntary health insurance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by an insurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts in US dollars (USD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doctor assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at home: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time not set yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please come 10 minutes early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in would then be kept in a file in your Medcard folder, encrypted with a master password that Medcard asks for at every start. If you forget it, you can start over: sign in again and the card is downloaded anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an encrypted file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medcard master password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The master password is wrong. Try again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot the master password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medcard can start over: the sign-ins and the cards kept on this computer are removed (your cards stay on the portal), you choose a new master password and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a master password (at least 8 characters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short. Choose a master password of at least 8 characters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the master password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ. Choose a master password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the card matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the chosen kinds of records and period were searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records of this kind in the chosen period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records of this kind in the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records in the chosen period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card has no records yet. They appear here after a sync with the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a date. Type it as %1, for example %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper copies of records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick it up at the clinic&apos;s registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is in the list: open it to see the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper, at the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total for the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient, born (age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OMS policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file will hold the patient&apos;s personal data and stay where you save it. At the desk, print instead; save only onto the patient&apos;s own USB stick, and never into a shared folder of this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your insurance company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change of residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by place of residence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
