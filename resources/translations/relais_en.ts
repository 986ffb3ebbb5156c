<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
  <context>
    <name>AuditPage</name>
    <message numerus="yes">
      <source>%n event(s)</source>
      <translation>
        <numerusform>%n event</numerusform>
        <numerusform>%n events</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CaseloadPage</name>
    <message numerus="yes">
      <source>%n shown</source>
      <translation>
        <numerusform>%n shown</numerusform>
        <numerusform>%n shown</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CasesTab</name>
    <message numerus="yes">
      <source>(%n day(s) after the request)</source>
      <translation>
        <numerusform>(%n day after the request)</numerusform>
        <numerusform>(%n days after the request)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DirectoryPage</name>
    <message numerus="yes">
      <source>%n combined</source>
      <translation>
        <numerusform>%n combined</numerusform>
        <numerusform>%n combined</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n tie(s) moved</source>
      <translation>
        <numerusform>%n tie moved</numerusform>
        <numerusform>%n ties moved</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DossierHeader</name>
    <message numerus="yes">
      <source>%n event(s) in 90 days</source>
      <translation>
        <numerusform>%n event in 90 days</numerusform>
        <numerusform>%n events in 90 days</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>IntakeDialog</name>
    <message numerus="yes">
      <source>(%n day(s) after the request)</source>
      <translation>
        <numerusform>(%n day after the request)</numerusform>
        <numerusform>(%n days after the request)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MapPage</name>
    <message numerus="yes">
      <source>%n tie(s). Tab goes from one person to the next; arrows move them; Enter edits the tie.</source>
      <translation>
        <numerusform>%n tie. Tab goes from one person to the next; arrows move them; Enter edits the tie.</numerusform>
        <numerusform>%n ties. Tab goes from one person to the next; arrows move them; Enter edits the tie.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StaysTab</name>
    <message numerus="yes">
      <source>%n admission(s) in the last 12 months</source>
      <translation>
        <numerusform>%n admission in the last 12 months</numerusform>
        <numerusform>%n admissions in the last 12 months</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
      <source>%n conflict(s)</source>
      <translation>
        <numerusform>%n conflict</numerusform>
        <numerusform>%n conflicts</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TodayPage</name>
    <message numerus="yes">
      <source>%n open case(s)</source>
      <translation>
        <numerusform>%n open case</numerusform>
        <numerusform>%n open cases</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>No first contact after %n day(s)</source>
      <translation>
        <numerusform>No first contact after %n day</numerusform>
        <numerusform>No first contact after %n days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Text typed during your last session was saved automatically but not recorded (%n item(s)). Restore it?</source>
      <translation>
        <numerusform>Text typed during your last session was saved automatically but not recorded (%n item). Restore it?</numerusform>
        <numerusform>Text typed during your last session was saved automatically but not recorded (%n items). Restore it?</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>request of %n day(s), no contact yet</source>
      <translation>
        <numerusform>request of %n day, no contact yet</numerusform>
        <numerusform>request of %n days, no contact yet</numerusform>
      </translation>
    </message>
  </context>
</TS>
