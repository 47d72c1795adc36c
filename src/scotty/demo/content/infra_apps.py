"""Second-level IT: what reaches Infrastructure and Applications, and their answers."""

from scotty.demo.content import Topic, slots

SERVER = Topic(
    key="server",
    weight=10,
    titles=(
        "Server {server} not responding",
        "Disk almost full on {server}",
        "High CPU on {server}",
        "Patch window for {server}",
    ),
    descriptions=(
        "Monitoring reports {server} as unreachable since {time}. The application team says "
        "their service on it is down as well.",
        "The data disk on {server} is at 93% and growing about 2% per day. Please extend it "
        "or tell us what to clean up.",
        "CPU on {server} has been above 90% for the last three hours; users of the "
        "application on it complain about slowness.",
    ),
    first_replies=(
        "We are looking at {server} now. The virtual machine is running but does not answer "
        "on the network; checking the host.",
        "Thanks. I will extend the disk on {server} by 100 GB this evening after 18:00; no "
        "downtime expected.",
    ),
    questions=(
        "Can the service on {server} be restarted during business hours, or should we wait "
        "for the maintenance window?",
        "Who is the application owner for {server}? The CMDB entry is empty.",
    ),
    answers=(
        "A restart is fine, users are already offline anyway.",
        "That is Markus from the reporting team; please wait until 18:00.",
    ),
    notes=(
        "Host esx-{host} shows a failed NIC; VMs on it lost the network. Migrating them.",
        "Log rotation stopped after the last update; 60 GB of logs in /var/log/app.",
    ),
    resolutions=(
        "Moved {server} to a healthy host; the faulty network card was replaced by the "
        "hardware vendor.",
        "Extended the data disk of {server} by 100 GB and fixed the log rotation.",
        "A runaway batch job caused the CPU load; stopped it and informed the application owner.",
    ),
    next_desk=("Extend the disk on {server} in tonight's window", "Migrate VMs off esx-{host}"),
    next_requester=("Confirm a restart of {server} is acceptable",),
    next_third_party=("Hardware vendor to replace the network card in esx-{host} (case {case})",),
    tags=("server", "monitoring"),
    slots=slots(
        server=("app-prd-04", "sql-prd-02", "file-ber-01", "web-prd-07", "bi-prd-01"),
        time=("06:10", "13:45", "22:30 yesterday"),
        host=("07", "12", "03"),
    ),
    triage=(("high", "high"), ("medium", "high"), ("medium", "medium"), ("high", "medium")),
)

NETWORK = Topic(
    key="network",
    weight=9,
    titles=(
        "Wi-fi unstable in {site}",
        "No network on floor {floor}",
        "Network port in room {room} dead",
        "Firewall rule for supplier access",
    ),
    descriptions=(
        "The wi-fi on floor {floor} at {site} keeps dropping since {weekday}; video calls "
        "freeze for everyone in the open space.",
        "The wall network port in room {room} does not work; the laptop shows 'no cable "
        "connected'. Other ports in the room are fine.",
        "Our supplier needs access from their network to our SFTP server for the weekly "
        "price file. Please open port 22 from their range.",
    ),
    first_replies=(
        "Thanks. The controller shows access point AP-{floor}-03 rebooting every few minutes; "
        "we are replacing it.",
        "We will patch the port in room {room} to the switch; a technician will come by today.",
    ),
    questions=(
        "Which IP range does the supplier use, and who approved the access (security needs a "
        "name)?",
        "Does it affect the whole floor or only the meeting rooms?",
    ),
    answers=(
        "Their range is 203.0.113.0/28, approved by our head of Operations.",
        "Mostly the east side of the floor near the kitchen.",
    ),
    notes=(
        "AP firmware 8.10 has a memory leak; vendor recommends 8.10.2.",
        "Change request raised for the firewall rule; security review on Thursday.",
    ),
    resolutions=(
        "Replaced access point AP-{floor}-03 and updated all APs on the floor to the fixed "
        "firmware; no drops since.",
        "Patched room {room} port 2 to the access switch; the connection works.",
        "Firewall rule created for the supplier's range to the SFTP server, valid one year.",
    ),
    next_desk=("Replace AP-{floor}-03 during lunch break", "Patch the port in room {room}"),
    next_requester=("Send the supplier's IP range and the approver's name",),
    next_third_party=("Network vendor to ship replacement access point (case {case})",),
    tags=("network", "wifi"),
    triage=(("medium", "high"), ("medium", "medium"), ("low", "medium")),
)

STORAGE = Topic(
    key="storage",
    weight=7,
    titles=(
        "Shared drive {share} full",
        "Access to shared folder {share}",
        "Deleted folder on {share} by mistake",
    ),
    descriptions=(
        "Saving to the {share} share fails with 'not enough space'. The whole team is blocked.",
        "I need read and write access to {share} for the audit project. My manager agreed.",
        "I accidentally deleted the folder '2024 Contracts' on {share} this morning around 10. "
        "Can it be restored?",
    ),
    first_replies=(
        "The quota on {share} is reached. I have added 50 GB temporarily so you can work; "
        "please ask the team to clean up old files.",
        "Access to {share} is granted through a group; I have asked the data owner to approve.",
    ),
    questions=(
        "Who owns the data on {share}? Access needs their approval.",
        "Should the folder be restored to its old place or next to it, to compare?",
    ),
    answers=("The owner is our team lead.", "Next to it please, as '2024 Contracts restored'."),
    notes=("Snapshot from 06:00 today contains the folder.",),
    resolutions=(
        "Restored the folder from this morning's snapshot next to the original.",
        "Added the user to the group for {share} after the owner approved.",
        "Extended the quota of {share} by 200 GB after the team archived old projects.",
    ),
    next_desk=("Restore the folder from the 06:00 snapshot",),
    next_requester=("Ask the data owner to approve access to {share}",),
    next_third_party=("Storage vendor to check the snapshot schedule (case {case})",),
    tags=("storage", "file-share"),
    slots=slots(share=(r"\\files\finance", r"\\files\projects", r"\\files\marketing")),
)

BACKUP = Topic(
    key="backup",
    weight=5,
    titles=("Backup job failed for {server}", "Restore test for {server}"),
    descriptions=(
        "The nightly backup of {server} failed twice in a row: 'snapshot quiesce timeout'.",
        "The quarterly restore test for {server} is due. Please restore last Sunday's backup "
        "to the test environment.",
    ),
    first_replies=("Looking into the backup job now.",),
    questions=("Is a short freeze of the database on {server} acceptable at 02:00?",),
    answers=("Yes, nobody works at that time.",),
    notes=("VSS writer on {server} in failed state; restart of the service fixes it.",),
    resolutions=(
        "Restarted the failed VSS writer and re-ran the backup; it completed successfully.",
        "Restore test of {server} succeeded in 42 minutes; report attached to the ticket.",
    ),
    next_desk=("Watch tonight's backup run of {server}",),
    next_requester=("Confirm the 02:00 freeze window",),
    next_third_party=("Backup software vendor to analyse the job log (case {case})",),
    tags=("backup", "server"),
    slots=slots(server=("sql-prd-02", "file-ber-01", "erp-db-01")),
    triage=(("medium", "medium"), ("medium", "high")),
)

ERP = Topic(
    key="erp",
    weight=10,
    titles=(
        "SAP: no authorisation for transaction {tcode}",
        "SAP posting error in {tcode}",
        "Access to SAP for new colleague",
    ),
    descriptions=(
        "When I start {tcode} SAP says 'You are not authorised to use transaction {tcode}'. "
        "I need it for the month-end closing.",
        "Posting an invoice in {tcode} fails with 'Balance in transaction currency'. The "
        "amounts look right to me. Document attached.",
        "Our new colleague starts on Monday and needs the same SAP roles as me.",
    ),
    first_replies=(
        "Authorisations need the role owner's approval; I have requested it for {tcode}.",
        "Thanks for the document. The tax code on line 2 does not match the vendor's "
        "country; this causes the difference.",
    ),
    questions=(
        "Which company code do you need {tcode} for?",
        "Could you send the document number and a screenshot of the error?",
    ),
    answers=("Company code 1000 (Germany).", "Document 5100004312, screenshot attached."),
    notes=("Role Z_FI_AP_CLERK covers {tcode}; approver is the Finance controller.",),
    resolutions=(
        "Assigned role Z_FI_AP_CLERK for company code 1000 after approval; {tcode} works.",
        "Corrected the tax code on the invoice line; posting succeeded.",
        "Copied the SAP roles to the new colleague's user after the manager's approval.",
    ),
    next_desk=("Assign the SAP role once approved",),
    next_requester=("Send the document number and a screenshot",),
    next_third_party=("SAP support to analyse the posting error (OSS case {case})",),
    tags=("erp", "sap", "access"),
    slots=slots(tcode=("FB60", "MIRO", "ME21N", "VA01", "F110")),
    triage=(("low", "high"), ("medium", "high"), ("low", "medium")),
)

CRM = Topic(
    key="crm",
    weight=8,
    titles=(
        "Salesforce: cannot see my accounts",
        "Duplicate contacts in Salesforce",
        "Salesforce Outlook plugin not working",
    ),
    descriptions=(
        "Since the territory change I do not see my accounts in Salesforce any more, "
        "including {account}.",
        "Salesforce has three records for {account} with different contacts; quotes go to "
        "the wrong address.",
        "The Salesforce side panel in Outlook stays empty; I cannot log e-mails to opportunities.",
    ),
    first_replies=(
        "The territory rules were recalculated last night; your user is in the wrong "
        "territory. I am correcting it.",
        "I will merge the duplicates for {account}; please tell me which address is right.",
    ),
    questions=("Which of the three addresses for {account} is current?",),
    answers=("The one in Hamburg, Am Sandtorkai.",),
    notes=("Territory assignment rule 14 excludes users without a region code.",),
    resolutions=(
        "Added the missing region code; the territory rules now give you your accounts back.",
        "Merged the duplicate records of {account}, keeping the Hamburg address.",
        "Re-deployed the Outlook add-in for the user; the side panel loads again.",
    ),
    next_desk=("Fix the territory rule and recalculate",),
    next_requester=("Confirm the correct address of {account}",),
    next_third_party=("Salesforce support to check the add-in deployment (case {case})",),
    tags=("crm", "salesforce"),
    slots=slots(account=("Nordwind Logistik GmbH", "Alpenmilch AG", "Brightline Retail Ltd")),
)

REPORTS = Topic(
    key="reports",
    weight=7,
    titles=(
        "Sales dashboard shows old numbers",
        "New column in the {report} report",
        "Report {report} times out",
    ),
    descriptions=(
        "The {report} dashboard still shows yesterday's figures at 11:00; it normally "
        "refreshes at 07:00.",
        "Could you add the cost centre as a column to the {report} report? We need it for "
        "the budget review.",
        "Opening {report} for the whole year runs for minutes and then shows 'timeout'.",
    ),
    first_replies=(
        "The overnight refresh failed because a source table was locked; I restarted it.",
        "Sure, that is a small change. I will add it to the next release on Wednesday.",
    ),
    questions=("Should the column show the cost centre number, name, or both?",),
    answers=("Both please, number first.",),
    notes=("Refresh failed at 05:12: deadlock with the ERP extract.",),
    resolutions=(
        "Moved the refresh after the ERP extract; the dashboard is current by 07:30.",
        "Added the cost centre (number and name) to {report}; released on Wednesday.",
        "Added an index to the report's query; the whole year loads in 8 seconds.",
    ),
    next_desk=("Add the column in the Wednesday release",),
    next_requester=("Say whether to show the cost centre number, name or both",),
    next_third_party=("BI platform vendor to review the timeout (case {case})",),
    tags=("reports", "bi"),
    slots=slots(report=("Sales Pipeline", "Open Items", "Monthly P&L", "Stock Levels")),
)

INFRASTRUCTURE: tuple[Topic, ...] = (SERVER, NETWORK, STORAGE, BACKUP)
APPLICATIONS: tuple[Topic, ...] = (ERP, CRM, REPORTS)
