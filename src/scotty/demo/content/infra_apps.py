"""Second-level IT: what reaches Infrastructure and Applications, and their answers."""

from scotty.demo.content import Case, Topic, slots

_OWNER_QUESTION = "Who is the application owner for {server}? The CMDB entry is empty."

SERVER = Topic(
    key="server",
    weight=10,
    tags=("server", "monitoring"),
    slots=slots(
        server=("app-prd-04", "sql-prd-02", "file-ber-01", "web-prd-07", "bi-prd-01"),
        time=("06:10", "13:45", "22:30 yesterday"),
        host=("07", "12", "03"),
    ),
    triage=(("high", "high"), ("medium", "high"), ("medium", "medium"), ("high", "medium")),
    cases=(
        Case(
            key="server-down",
            weight=4,
            about=("respond",),
            titles=(
                "Server {server} not responding",
                "{server} not responding since {time}",
                "Monitoring: {server} does not respond",
            ),
            descriptions=(
                "Monitoring reports {server} as not responding since {time}. The application "
                "team says their service on it is down as well.",
                "{server} stopped responding at {time}: no ping, no remote desktop, and the "
                "application on it shows a gateway error.",
            ),
            first_replies=(
                "We are looking at {server} now. The virtual machine is running but does not "
                "answer on the network; checking the host.",
                "Thanks. I can confirm {server} is not responding; we are on it and will update "
                "you within the hour.",
            ),
            questions=(
                "Can the service on {server} be restarted during business hours, or should we "
                "wait for the maintenance window?",
                _OWNER_QUESTION,
            ),
            answers=(
                "A restart is fine, users are already offline anyway.",
                "That is Markus from the reporting team; please call him before the restart.",
            ),
            notes=(
                "Host esx-{host} shows a failed NIC; VMs on it lost the network. Migrating them.",
                "{server} hung with its memory full; the console shows out-of-memory kills since "
                "{time}.",
            ),
            resolutions=(
                "Moved {server} to a healthy host; the hardware vendor replaced the faulty "
                "network card, and the server responds again.",
                "Restarted {server} and doubled its memory; it has been responding normally since.",
            ),
            next_desk=("Migrate VMs off esx-{host}", "Watch {server} overnight"),
            next_requester=("Confirm a restart of {server} is acceptable",),
            next_third_party=(
                "Hardware vendor to replace the network card in esx-{host} (case {case})",
            ),
        ),
        Case(
            key="server-disk",
            weight=3,
            about=("disk",),
            titles=(
                "Disk almost full on {server}",
                "{server}: data disk at 93%",
                "Disk space alert for {server}",
            ),
            descriptions=(
                "The data disk on {server} is at 93% and growing about 2% per day. Please "
                "extend it or tell us what to clean up.",
                "Monitoring warns that the disk of {server} will be full in four days.",
            ),
            first_replies=(
                "Thanks. I will extend the disk on {server} by 100 GB this evening after 18:00; "
                "no downtime expected.",
                "Looking at it: most of the disk on {server} is taken by application logs.",
            ),
            questions=(
                "Can the old logs on {server} be deleted, or do you need them archived?",
                _OWNER_QUESTION,
            ),
            answers=(
                "Delete anything older than 30 days.",
                "That is Markus from the reporting team.",
            ),
            notes=(
                "Log rotation stopped after the last update; 60 GB of logs in /var/log/app "
                "fill the disk.",
            ),
            resolutions=(
                "Extended the data disk of {server} by 100 GB and fixed the log rotation.",
                "Deleted logs older than 30 days and re-enabled log rotation; the disk is at 51%.",
            ),
            next_desk=("Extend the disk on {server} in tonight's window",),
            next_requester=("Tell us whether old logs on the {server} disk can be deleted",),
            next_third_party=(
                "Storage vendor to add capacity for the {server} disk (case {case})",
            ),
        ),
        Case(
            key="server-cpu",
            weight=2,
            about=("cpu",),
            titles=("High CPU on {server}", "{server} CPU close to 100%", "CPU alarm for {server}"),
            descriptions=(
                "CPU on {server} has been above 90% for the last three hours; users of the "
                "application on it complain about slowness.",
                "Monitoring shows {server} at 100% CPU since {time}.",
            ),
            first_replies=(
                "Looking at {server} now; a single process is using most of the CPU.",
                "Thanks. I am checking which process keeps the CPU busy on {server}.",
            ),
            questions=(
                "Is a batch job scheduled on {server} today? One process has been running since "
                "{time}.",
                _OWNER_QUESTION,
            ),
            answers=(
                "Yes, the month-end export, but it normally takes twenty minutes.",
                "That is Markus from the reporting team.",
            ),
            notes=(
                "Month-end export job looping on a bad record; CPU pinned since {time}.",
                "Antivirus full scan on {server} scheduled in business hours.",
            ),
            resolutions=(
                "A runaway batch job caused the CPU load; stopped it and informed the "
                "application owner.",
                "Moved the antivirus full scan of {server} to the night; CPU is back at 20%.",
            ),
            next_desk=("Watch the CPU of {server} during tonight's batch run",),
            next_requester=(
                "Ask the application owner whether the job using the CPU may be stopped",
            ),
            next_third_party=(
                "Application vendor to fix the job that loops and uses the CPU (case {case})",
            ),
        ),
        Case(
            key="server-patch",
            weight=1,
            about=("patch",),
            titles=(
                "Patch window for {server}",
                "Monthly patches for {server}",
                "Patch {server} before the audit",
            ),
            descriptions=(
                "Please agree a patch window for {server}; the security scan lists missing "
                "patches from last month.",
                "{server} has to be fully patched before the external audit on the 20th.",
            ),
            first_replies=(
                "Thanks. I propose to patch {server} on {weekday} from 19:00 to 21:00; the "
                "service will be down for about 30 minutes.",
                "We can patch {server} in the regular Sunday window; please confirm with the "
                "users.",
            ),
            questions=(
                "Is {weekday} 19:00-21:00 fine for the patch window, or is there a better time?",
            ),
            answers=(
                "{weekday} evening works, I have told the users.",
                "Please after 20:00, the night shift reports run until then.",
            ),
            notes=(
                "Patch list for {server}: 14 security updates, one needs a reboot.",
                "Snapshot of {server} taken before patching.",
            ),
            resolutions=(
                "Installed all pending patches on {server} in the agreed window; services "
                "checked afterwards.",
                "Patched {server} and rebooted it; the security scan is clean.",
            ),
            next_desk=("Patch {server} in the agreed window",),
            next_requester=("Confirm the patch window for {server}",),
            next_third_party=(
                "Application vendor to confirm support for the new patch level (case {case})",
            ),
        ),
    ),
)

WIFI = Topic(
    key="wifi",
    weight=4,
    tags=("network", "wifi"),
    triage=(("medium", "high"), ("medium", "medium"), ("low", "medium")),
    cases=(
        Case(
            key="wifi-unstable",
            weight=3,
            about=("wi-fi",),
            titles=(
                "Wi-fi unstable in {site}",
                "Wi-fi problems on floor {floor}",
                "Poor wi-fi on floor {floor}",
            ),
            descriptions=(
                "The wi-fi on floor {floor} at {site} keeps dropping since {weekday}; video "
                "calls freeze for everyone in the open space.",
                "Near meeting room {room} the wi-fi is so weak that nobody can share a screen "
                "in a call.",
            ),
            first_replies=(
                "Thanks. The controller shows access point AP-{floor}-03 rebooting every few "
                "minutes; we are replacing it.",
                "Thanks for the report. I am checking the access points on floor {floor}.",
            ),
            questions=(
                "Does it affect the whole floor or only the meeting rooms?",
                "Which network are you on: Corp or Guest?",
            ),
            answers=(
                "Mostly the east side of the floor near the kitchen.",
                "Corp, on the laptop. The phones on Guest are fine.",
            ),
            notes=(
                "AP firmware 8.10 has a memory leak; vendor recommends 8.10.2.",
                "Channel overlap with the new access point of the tenant next door.",
            ),
            resolutions=(
                "Replaced access point AP-{floor}-03 and updated all APs on the floor to the "
                "fixed firmware; the wi-fi has been stable since.",
                "Moved the access points on floor {floor} to free channels; the wi-fi is stable "
                "again.",
            ),
            next_desk=("Replace AP-{floor}-03 during lunch break",),
            next_requester=("Tell us where on the floor the wi-fi drops",),
            next_third_party=("Network vendor to ship a replacement access point (case {case})",),
        ),
        Case(
            key="wifi-guests",
            weight=1,
            about=("guest",),
            titles=(
                "Guest wi-fi for visitors",
                "Wi-fi access for our guests",
                "Guest network for external participants",
            ),
            descriptions=(
                "We have 25 external guests for a workshop on {weekday} in room {room}. Can "
                "they get guest wi-fi for the day?",
                "Customers visit us for two days next week and need internet on their own "
                "laptops. How do they get on the guest network?",
            ),
            first_replies=(
                "Sure. I will create guest wi-fi vouchers for as many devices as you need; you "
                "get them by e-mail the day before.",
                "Thanks. Guest access works with vouchers that you hand out at the start; I am "
                "preparing them.",
            ),
            questions=(
                "From when to when should the guest access be valid, and for how many devices?",
            ),
            answers=("From 8:30 to 18:00, please.", "For the whole visit, one voucher each."),
            notes=("Guest voucher batch created; the limit of 50 devices per batch is enough.",),
            resolutions=(
                "Created the guest wi-fi vouchers and sent them to the organiser.",
                "Guest vouchers for both days are in the organiser's mailbox; they expire "
                "automatically.",
            ),
            next_desk=("Send the guest vouchers the day before",),
            next_requester=("Tell us the times and number of devices for the guest access",),
            next_third_party=("Network vendor to raise the guest licence limit (case {case})",),
        ),
    ),
)

NETWORK = Topic(
    key="network",
    weight=3,
    tags=("network", "cabling"),
    triage=(("medium", "high"), ("medium", "medium"), ("low", "medium")),
    cases=(
        Case(
            key="network-port",
            weight=2,
            about=("port",),
            titles=(
                "Network port in room {room} dead",
                "No network at my desk: the port does not work",
                "Wall port in room {room} not working",
            ),
            descriptions=(
                "The wall network port in room {room} does not work; the laptop shows 'no "
                "cable connected'. Other ports in the room are fine.",
                "Since the renovation the network port at my desk in room {room} is dead. I "
                "tried two cables.",
            ),
            first_replies=(
                "We will patch the port in room {room} to the switch; a technician will come by "
                "today.",
                "Thanks. Could you tell me the label on the port (something like {floor}-A-12)? "
                "Then I can find it in the patch panel.",
            ),
            questions=("What is the label on the port, for example {floor}-A-12?",),
            answers=(
                "It says {floor}-B-07.",
                "There is no label, it is the port under the window.",
            ),
            notes=(
                "Port {floor}-B-07 was never patched after the renovation.",
                "Switch port err-disabled after a loop; re-enabled.",
            ),
            resolutions=(
                "Patched the port in room {room} to the access switch; the connection works.",
                "Re-enabled the switch port that had shut down after a loop; the port works again.",
            ),
            next_desk=("Patch the port in room {room}",),
            next_requester=("Send us the label on the network port",),
            next_third_party=("Cabling company to repair the port in room {room} (order {case})",),
        ),
        Case(
            key="network-floor-down",
            weight=1,
            about=("floor",),
            titles=(
                "No network on floor {floor}",
                "Whole floor {floor} offline",
                "Network down on floor {floor}",
            ),
            descriptions=(
                "Nobody on floor {floor} at {site} has network since {weekday} morning, neither "
                "by cable nor by wi-fi.",
                "All the desks on floor {floor} lost the network ten minutes ago; the desk "
                "phones are dead too.",
            ),
            first_replies=(
                "Thanks, we see it: the switch for floor {floor} is not responding. A "
                "technician is on the way.",
                "We are aware of the outage on floor {floor} and are working on it.",
            ),
            questions=(
                "Was any work going on in the floor {floor} comms room today (cleaning, "
                "electricians)?",
            ),
            answers=("The electricians were there this morning.", "Not that I know."),
            notes=(
                "Floor {floor} switch stack lost power: the UPS in the comms room failed.",
                "The switch on floor {floor} came back with an old configuration after the "
                "power cut.",
            ),
            resolutions=(
                "Replaced the failed UPS in the floor {floor} comms room and powered the "
                "switches back on; the whole floor is online again.",
                "Restored the switch configuration for floor {floor}; cable and wi-fi work again.",
            ),
            next_desk=("Check the floor {floor} switches after the power work",),
            next_requester=("Tell us if any desk on floor {floor} is still offline",),
            next_third_party=(
                "UPS vendor to replace the battery pack for floor {floor} (case {case})",
            ),
        ),
    ),
)

FIREWALL = Topic(
    key="firewall",
    weight=2,
    tags=("firewall", "network", "security"),
    slots=slots(partner=("Nordwind Logistik", "Brightline Retail", "Alpenmilch")),
    triage=(("low", "medium"), ("medium", "medium")),
    cases=(
        Case(
            key="firewall-supplier",
            about=("firewall",),
            titles=(
                "Firewall rule for supplier access",
                "Open the firewall for a supplier",
                "Firewall change for {partner}",
            ),
            descriptions=(
                "Our supplier needs access from their network to our SFTP server for the weekly "
                "price file. Please open port 22 in the firewall from their range.",
                "{partner} has to reach our EDI gateway from the 1st. Their IT asks us for a "
                "firewall rule.",
            ),
            first_replies=(
                "Thanks. Firewall changes go through a change request with a security review; "
                "I have opened one.",
                "Sure. For the firewall rule we need the supplier's IP range, the target and an "
                "approver.",
            ),
            questions=(
                "Which IP range does the supplier use, and who approved the access (security "
                "needs a name)?",
            ),
            answers=(
                "Their range is 203.0.113.0/28, approved by our head of Operations.",
                "They sent 198.51.100.16/29; my director approves.",
            ),
            notes=(
                "Change request raised for the firewall rule; security review on Thursday.",
                "Security asked to limit the firewall rule to the one port needed and to one year.",
            ),
            resolutions=(
                "Firewall rule created for the supplier's range, valid for one year.",
                "Opened the firewall for the supplier's range after the security review.",
            ),
            next_desk=("Create the firewall rule after Thursday's security review",),
            next_requester=(
                "Send the supplier's IP range and the approver's name for the firewall rule",
            ),
            next_third_party=("Security team to review the firewall change request",),
        ),
    ),
)

STORAGE = Topic(
    key="storage",
    weight=7,
    tags=("storage", "file-share"),
    slots=slots(share=(r"\\files\finance", r"\\files\projects", r"\\files\marketing")),
    cases=(
        Case(
            key="storage-full",
            weight=3,
            about=("full",),
            titles=(
                "Shared drive {share} full",
                "{share} is full, cannot save",
                "Team drive full again",
            ),
            descriptions=(
                "Saving to the {share} share fails with 'not enough space'. The drive is full "
                "and the whole team is blocked.",
                "The {share} drive is full again; we already deleted old files last month.",
            ),
            first_replies=(
                "The quota on {share} is reached. I have added 50 GB temporarily so you can "
                "work; please ask the team to clean up old files.",
                "Thanks. I am looking at what fills {share}; often it is old meeting recordings.",
            ),
            questions=(
                "Can the team archive projects older than two years from {share}?",
                "Who owns the data on {share}? A bigger quota needs their approval.",
            ),
            answers=(
                "Yes, I will ask them to move the old projects to the archive.",
                "The owner is our team lead.",
            ),
            notes=(
                "40% of {share} is meeting recordings; the archive share has room.",
                "Quota raised temporarily by 50 GB; to be reviewed in a month.",
            ),
            resolutions=(
                "Extended the quota of {share} by 200 GB after the team archived old projects; "
                "the share is no longer full.",
                "Moved the old recordings to the archive; {share} is at 60% and no longer full.",
            ),
            next_desk=("Review the temporary quota of {share}",),
            next_requester=("Archive old projects so {share} is no longer full",),
            next_third_party=("Storage vendor to add a disk shelf (case {case})",),
        ),
        Case(
            key="storage-access",
            weight=2,
            about=("access",),
            titles=(
                "Access to shared folder {share}",
                "Need access to {share}",
                "Access request for {share}",
            ),
            descriptions=(
                "I need read and write access to {share} for the audit project. My manager agreed.",
                "I moved to a new team and cannot open {share}: 'access denied'.",
            ),
            first_replies=(
                "Access to {share} is granted through a group; I have asked the data owner to "
                "approve.",
                "Thanks. I have requested access for you; the data owner gets an approval mail.",
            ),
            questions=(
                "Who owns the data on {share}? Access needs their approval.",
                "Do you need read access only, or read and write?",
            ),
            answers=("The owner is our team lead.", "Read and write, please."),
            notes=(
                "Owner approved; the group membership becomes active at the next sign-in.",
                "The user's old team group still grants access to the wrong folders; removing it.",
            ),
            resolutions=(
                "Added the user to the group for {share} after the owner approved; access works "
                "after signing in again.",
                "Granted read and write access to {share} and removed the old team's access.",
            ),
            next_desk=("Add the user to the access group once the owner approves",),
            next_requester=("Ask the data owner to approve access to {share}",),
            next_third_party=("Identity team to sync the access group for {share}",),
        ),
        Case(
            key="storage-restore",
            weight=2,
            about=("restore",),
            titles=(
                "Please restore deleted files on {share}",
                "Restore needed on {share}",
                "Deleted folder on {share} by mistake: please restore",
            ),
            descriptions=(
                "I accidentally deleted the folder '2024 Contracts' on {share} this morning "
                "around 10. Can it be restored?",
                "I deleted some files on {share} while tidying up on {weekday}. Can they be "
                "restored?",
            ),
            first_replies=(
                "Thanks. We keep snapshots of {share} every six hours; I am looking for the "
                "last one before the deletion so I can restore from it.",
                "No problem, that can be restored. Please do not copy anything new into that "
                "folder meanwhile.",
            ),
            questions=(
                "Should the files be restored to their old place or next to it, to compare?",
                "Roughly when were the files deleted?",
            ),
            answers=(
                "Next to it please, with 'restored' in the name.",
                "Around 10 in the morning.",
                "On {weekday} afternoon, I think.",
            ),
            notes=(
                "Snapshot from 06:00 today contains the files.",
                "The files are in the snapshot from {weekday} 12:00; restore started.",
            ),
            resolutions=(
                "Restored the deleted files from the last snapshot before the deletion, next "
                "to the originals.",
                "Restored the deleted files from the {weekday} snapshot to their old place.",
            ),
            next_desk=("Restore the files from the last snapshot",),
            next_requester=("Tell us where the restored files should go",),
            next_third_party=("Storage vendor to help restore from an older backup (case {case})",),
        ),
    ),
)

BACKUP = Topic(
    key="backup",
    weight=5,
    tags=("backup", "server"),
    slots=slots(server=("sql-prd-02", "file-ber-01", "erp-db-01")),
    triage=(("medium", "medium"), ("medium", "high")),
    cases=(
        Case(
            key="backup-failed",
            weight=3,
            about=("fail",),
            titles=(
                "Backup job failed for {server}",
                "Nightly backup of {server} failing",
                "Backup failure: {server}",
            ),
            descriptions=(
                "The nightly backup of {server} failed twice in a row: 'snapshot quiesce timeout'.",
                "Backup report: the job for {server} has failed every night since {weekday} "
                "with 'VSS writer error'.",
            ),
            first_replies=(
                "Looking into the failed backup job now.",
                "Thanks. I will re-run the backup of {server} by hand tonight and watch it.",
            ),
            questions=("Is a short freeze of the database on {server} acceptable at 02:00?",),
            answers=(
                "Yes, nobody works at that time.",
                "Please after 03:00, the night batch runs until then.",
            ),
            notes=(
                "VSS writer on {server} in failed state; restarting the service fixes it.",
                "The snapshot times out while the database is busy with the night batch.",
            ),
            resolutions=(
                "Restarted the failed VSS writer and re-ran the backup; it completed successfully.",
                "Moved the backup of {server} to 03:00, after the night batch; it has not "
                "failed since.",
            ),
            next_desk=("Watch tonight's backup run of {server}",),
            next_requester=("Confirm the 02:00 freeze window",),
            next_third_party=("Backup software vendor to analyse the failed job (case {case})",),
        ),
        Case(
            key="backup-restore-test",
            weight=2,
            about=("restore",),
            titles=(
                "Restore test for {server}",
                "Quarterly restore test: {server}",
                "Please restore {server} to the test environment",
            ),
            descriptions=(
                "The quarterly restore test for {server} is due. Please restore last Sunday's "
                "backup to the test environment.",
                "The auditors want proof that we can restore {server}. Could you run a restore "
                "test this month?",
            ),
            first_replies=(
                "Sure. I will restore {server} to the isolated test network on {weekday} and "
                "send you the report.",
                "Thanks. The restore test takes about two hours; I have booked it for {weekday}.",
            ),
            questions=("Who should check the restored application on {server} afterwards?",),
            answers=(
                "Our team lead will check it.",
                "I will check it myself on {weekday} afternoon.",
            ),
            notes=(
                "Restore of {server} started from Sunday's full backup.",
                "Restored copy of {server} isolated in VLAN test-42.",
            ),
            resolutions=(
                "Restore test of {server} succeeded in 42 minutes; report attached to the ticket.",
                "Restored {server} to the test environment; the application owner confirmed "
                "the data is complete.",
            ),
            next_desk=("Run the restore test of {server} on {weekday}",),
            next_requester=("Check the restored application and confirm",),
            next_third_party=("Backup software vendor to help with the restore (case {case})",),
        ),
    ),
)

_ERP_TRIAGE = (("low", "high"), ("medium", "high"), ("low", "medium"))
_TCODES = slots(tcode=("FB60", "MIRO", "ME21N", "VA01", "F110"))

ERP_ACCESS = Topic(
    key="erp-access",
    weight=6,
    tags=("erp", "sap", "access"),
    slots=_TCODES,
    triage=_ERP_TRIAGE,
    cases=(
        Case(
            key="erp-authorisation",
            weight=4,
            about=("authoris",),
            titles=(
                "SAP: no authorisation for transaction {tcode}",
                "Not authorised for {tcode} in SAP",
                "SAP authorisation needed for {tcode}",
            ),
            descriptions=(
                "When I start {tcode} SAP says 'You are not authorised to use transaction "
                "{tcode}'. I need it for the month-end closing.",
                "Since my move to the new team SAP refuses {tcode}: no authorisation. My "
                "predecessor had it.",
            ),
            first_replies=(
                "Authorisations need the role owner's approval; I have requested it for {tcode}.",
                "Thanks. I can see which role contains {tcode}; the authorisation request has "
                "gone to the role owner.",
            ),
            questions=("Which company code do you need {tcode} for?",),
            answers=("Company code 1000 (Germany).", "1000 and 2000, I work for both."),
            notes=(
                "Role Z_FI_AP_CLERK covers {tcode}; approver is the Finance controller.",
                "Authorisation check fails on object F_BKPF_BUK for company code 1000.",
            ),
            resolutions=(
                "Assigned role Z_FI_AP_CLERK for company code 1000 after approval; the "
                "authorisation for {tcode} works.",
                "Added the missing company code to the user's authorisations; {tcode} opens.",
            ),
            next_desk=("Assign the SAP role once the authorisation is approved",),
            next_requester=("Ask the role owner to approve the authorisation for {tcode}",),
            next_third_party=("SAP support to check the authorisation object (OSS case {case})",),
        ),
        Case(
            key="erp-new-user",
            weight=2,
            about=("new colleague",),
            titles=(
                "Access to SAP for new colleague",
                "SAP user for a new colleague starting {weekday}",
                "New colleague needs SAP roles",
            ),
            descriptions=(
                "Our new colleague starts on {weekday} and needs the same SAP roles as me.",
                "A new colleague joins accounts payable on {weekday}. Please create an SAP user "
                "with the usual roles.",
            ),
            first_replies=(
                "Thanks. I will create the SAP user as soon as the new colleague's account "
                "exists; the roles need the manager's approval.",
                "Sure. Could you tell us whose roles the new colleague should get?",
            ),
            questions=(
                "Whose SAP roles should the new colleague get, and for which company codes?",
            ),
            answers=(
                "The same as mine, company code 1000.",
                "Like Jana Weber in accounts payable.",
            ),
            notes=(
                "The new colleague's HR record arrives on Friday; the SAP user waits for it.",
                "Roles copied from the reference user; approval requested.",
            ),
            resolutions=(
                "Created the SAP user and copied the roles to the new colleague after the "
                "manager's approval.",
                "The SAP user for the new colleague is ready; the initial password went to the "
                "manager.",
            ),
            next_desk=("Create the SAP user once the new colleague's account exists",),
            next_requester=("Tell us whose roles the new colleague should get",),
            next_third_party=("HR to deliver the new colleague's personnel record",),
        ),
    ),
)

ERP_POSTING = Topic(
    key="erp-posting",
    weight=4,
    tags=("erp", "sap", "finance"),
    slots=_TCODES,
    triage=_ERP_TRIAGE,
    cases=(
        Case(
            key="erp-posting-error",
            about=("posting",),
            titles=(
                "SAP posting error in {tcode}",
                "Posting fails in {tcode}",
                "Error when posting an invoice in {tcode}",
            ),
            descriptions=(
                "Posting an invoice in {tcode} fails with 'Balance in transaction currency'. "
                "The amounts look right to me. Document attached.",
                "The posting of an invoice in {tcode} stops with 'Tax code not valid for country'.",
            ),
            first_replies=(
                "Thanks. The tax code on line 2 of the invoice does not match the vendor's "
                "country; this causes the posting error.",
                "Thanks. I am trying the posting in the test system with the same data.",
            ),
            questions=(
                "Could you send the document number and a screenshot of the error?",
                "Which vendor is the posting for?",
            ),
            answers=(
                "Document 5100004312, screenshot attached.",
                "Vendor 400123, a supplier in Austria.",
            ),
            notes=(
                "Tax code V1 is domestic only; the Austrian vendor needs V7, so the posting "
                "fails rightly.",
                "A rounding difference from the currency conversion blocks the posting.",
            ),
            resolutions=(
                "Corrected the tax code on the invoice line; the posting succeeded.",
                "Adjusted the rounding tolerance for the vendor's currency; the posting goes "
                "through.",
            ),
            next_desk=("Re-check the posting after the tax code change",),
            next_requester=("Send the document number and a screenshot of the posting error",),
            next_third_party=("SAP support to analyse the posting error (OSS case {case})",),
        ),
    ),
)

CRM = Topic(
    key="crm",
    weight=8,
    tags=("crm", "salesforce"),
    slots=slots(account=("Nordwind Logistik GmbH", "Alpenmilch AG", "Brightline Retail Ltd")),
    cases=(
        Case(
            key="crm-accounts-gone",
            weight=3,
            about=("accounts",),
            titles=(
                "Salesforce: cannot see my accounts",
                "My accounts disappeared from Salesforce",
                "Accounts missing after the territory change",
            ),
            descriptions=(
                "Since the territory change I do not see my accounts in Salesforce any more, "
                "including {account}.",
                "This morning half of my accounts are gone from my Salesforce list; {account} "
                "is one of them.",
            ),
            first_replies=(
                "The territory rules were recalculated last night; your user is in the wrong "
                "territory. I am correcting it.",
                "Thanks. I can see your accounts were moved to another owner during the "
                "territory change; looking into it.",
            ),
            questions=(
                "Which region are you responsible for? Your user has none set.",
                "Are all your accounts gone or only some, like {account}?",
            ),
            answers=("North: Hamburg and Bremen.", "Only some, the ones in Bremen."),
            notes=("Territory assignment rule 14 excludes users without a region code.",),
            resolutions=(
                "Added the missing region code; the territory rules now give you your accounts "
                "back.",
                "Re-ran the territory assignment; your accounts, including {account}, are back "
                "in your list.",
            ),
            next_desk=("Fix the territory rule and recalculate",),
            next_requester=("Tell us which region's accounts you look after",),
            next_third_party=(
                "Salesforce support to check the territory recalculation (case {case})",
            ),
        ),
        Case(
            key="crm-duplicates",
            weight=3,
            about=("duplicate",),
            titles=(
                "Duplicate contacts in Salesforce",
                "Duplicate records for {account}",
                "{account} exists three times: please merge the duplicates",
            ),
            descriptions=(
                "Salesforce has three records for {account} with different contacts; quotes go "
                "to the wrong address. Can the duplicates be merged?",
                "I keep finding duplicate contacts for {account}; I do not know which one is "
                "right.",
            ),
            first_replies=(
                "I will merge the duplicates for {account}; please tell me which address is right.",
                "Thanks. The duplicates come from last month's import; I will clean them up.",
            ),
            questions=("Which of the addresses for {account} is current?",),
            answers=(
                "The one in Hamburg, Am Sandtorkai.",
                "The newest one, with the Munich address.",
            ),
            notes=("The duplicate rule was inactive during the import of the 3rd.",),
            resolutions=(
                "Merged the duplicate records of {account}, keeping the current address.",
                "Merged the duplicates and switched the duplicate rule back on, so imports "
                "cannot create them again.",
            ),
            next_desk=("Merge the duplicate records of {account}",),
            next_requester=("Confirm the correct address of {account}",),
            next_third_party=(
                "Salesforce support to check why the duplicate rule was off (case {case})",
            ),
        ),
        Case(
            key="crm-outlook",
            weight=2,
            about=("outlook",),
            titles=(
                "Salesforce Outlook plugin not working",
                "Salesforce panel in Outlook empty",
                "Cannot log e-mails from Outlook to Salesforce",
            ),
            descriptions=(
                "The Salesforce side panel in Outlook stays empty; I cannot log e-mails to "
                "opportunities.",
                "Since the Outlook update the Salesforce button is greyed out.",
            ),
            first_replies=(
                "Thanks. The Salesforce add-in for Outlook was updated on {weekday}; I am "
                "checking your deployment.",
                "Sorry about that. Could you close Outlook completely and start it again? The "
                "add-in loads at start.",
            ),
            questions=("Do you use Outlook on the laptop or in the browser?",),
            answers=("On the laptop.", "Both; it is empty in the browser too."),
            notes=(
                "The Outlook add-in assignment was lost for the user's group after the "
                "licence change.",
            ),
            resolutions=(
                "Re-deployed the Outlook add-in for the user; the side panel loads again.",
                "Re-assigned the Salesforce add-in to the group; the button in Outlook works "
                "again.",
            ),
            next_desk=("Re-deploy the Outlook add-in",),
            next_requester=("Restart Outlook and tell us whether the Salesforce panel loads",),
            next_third_party=("Salesforce support to check the add-in deployment (case {case})",),
        ),
    ),
)

REPORTS = Topic(
    key="reports",
    weight=7,
    tags=("reports", "bi"),
    slots=slots(report=("Sales Pipeline", "Open Items", "Monthly P&L", "Stock Levels")),
    cases=(
        Case(
            key="reports-stale",
            weight=3,
            about=("yesterday",),
            titles=(
                "{report} dashboard shows yesterday's numbers",
                "{report} still has yesterday's figures",
                "No new data in {report} since yesterday",
            ),
            descriptions=(
                "The {report} dashboard still shows yesterday's figures at 11:00; it normally "
                "refreshes at 07:00.",
                "{report} shows the numbers from yesterday evening; today's bookings are missing.",
            ),
            first_replies=(
                "The overnight refresh failed because a source table was locked; I restarted it.",
                "Thanks. I can see the refresh of {report} did not run; looking into why.",
            ),
            questions=("Is it only {report}, or do other dashboards show yesterday's data too?",),
            answers=("Only {report}, the others are fine.", "All my dashboards, I think."),
            notes=(
                "Refresh failed at 05:12: deadlock with the ERP extract.",
                "The gateway's service account password expired; refreshes fail since.",
            ),
            resolutions=(
                "Moved the refresh after the ERP extract; the dashboard is current by 07:30 "
                "instead of showing yesterday's figures.",
                "Restarted the failed overnight refresh; {report} shows today's data instead of "
                "yesterday's.",
            ),
            next_desk=("Restart the refresh of {report} and check it at 07:30",),
            next_requester=("Tell us whether other dashboards show old data too",),
            next_third_party=("BI platform vendor to check the failed refresh (case {case})",),
        ),
        Case(
            key="reports-column",
            weight=2,
            about=("column",),
            titles=(
                "New column in the {report} report",
                "Extra column for {report}",
                "Column request for {report}",
            ),
            descriptions=(
                "Could you add the cost centre as a column to the {report} report? We need it "
                "for the budget review.",
                "For the quarterly review we need a column with the customer segment in {report}.",
            ),
            first_replies=(
                "Sure, that is a small change. I will add the column in the next release on "
                "Wednesday.",
                "Thanks. A new column needs the data owner's OK; I have asked Finance.",
            ),
            questions=("Should the new column show the code, the name, or both?",),
            answers=("Both please, the code first.", "Only the name."),
            notes=(
                "The field is in the data model already; only the report layout changes.",
                "The data owner approved the extra column.",
            ),
            resolutions=(
                "Added the new column to {report}; released on Wednesday.",
                "Released the requested column in {report}; it is in the export as well.",
            ),
            next_desk=("Add the column in the Wednesday release",),
            next_requester=("Say whether the column should show the code, the name or both",),
            next_third_party=("Data owner to approve the new column in {report}",),
        ),
        Case(
            key="reports-timeout",
            weight=2,
            about=("timeout",),
            titles=(
                "Timeout in report {report}",
                "{report} ends with a timeout",
                "Timeout errors in {report}",
            ),
            descriptions=(
                "Opening {report} for the whole year runs for minutes and then shows 'timeout'.",
                "Since {weekday} {report} gives a timeout as soon as I filter on more than one "
                "region.",
            ),
            first_replies=(
                "Thanks. The report's query reads the whole order table; I am looking at the "
                "timeout now.",
                "Sorry about that. As a workaround you can open it per quarter, which stays "
                "under the timeout.",
            ),
            questions=("Which filters did you use when the timeout happened?",),
            answers=("Whole year, all regions.", "Two regions, current year."),
            notes=(
                "Query plan: full scan on the order lines, no index on the posting date.",
                "The timeout is 120 s on the BI gateway; the query runs 240 s.",
            ),
            resolutions=(
                "Added an index for the report's query; the whole year loads in 8 seconds, no "
                "more timeout.",
                "Rewrote the region filter of {report}; it loads well within the timeout now.",
            ),
            next_desk=("Add the index for the report's query",),
            next_requester=("Tell us the filters you used when the timeout happened",),
            next_third_party=("BI platform vendor to review the timeout (case {case})",),
        ),
    ),
)

INFRASTRUCTURE: tuple[Topic, ...] = (SERVER, WIFI, NETWORK, FIREWALL, STORAGE, BACKUP)
APPLICATIONS: tuple[Topic, ...] = (ERP_ACCESS, ERP_POSTING, CRM, REPORTS)
