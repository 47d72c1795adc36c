"""Articles of the second-level teams: Infrastructure (network and wi-fi, storage and
backups, servers) and Applications (SAP, Salesforce, the reporting platform)."""

from textwrap import dedent

from scotty.demo.content.articles import ArticleSpec

_NETWORK = "Network and wi-fi"
_SAP = "SAP access or role"
_CRM = "Salesforce account"
_CRM_DEPARTMENTS = ("Sales", "Customer Support", "Marketing")

INFRA_APPS_ARTICLES: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        key="wifi-guest-access",
        unit="INF",
        title="Guest wi-fi for visitors",
        summary="Visitors get on the Guest network with vouchers that the host asks for in "
        "advance. Up to 50 devices a batch, valid for the days of the visit.",
        body=dedent("""\
        Our offices have two wireless networks:
        - **Corp**: for company laptops and phones only; it signs in by itself.
        - **Guest**: internet only, for visitors' own laptops and phones.

        ## Get vouchers for your visitors
        File **Network and wi-fi**, choose *Guest wi-fi for visitors*, and tell us:
        1. the site and room, and the days of the visit;
        2. how many devices (count two per person: laptop and phone);
        3. who hands the vouchers out, if not you.

        Ask **two working days** ahead. You get the vouchers by e-mail the day before; one
        batch covers up to **50 devices**, and the vouchers expire by themselves at the end
        of the visit.

        ## At the start of the visit
        Give each guest a voucher. They connect to **Guest**, the browser opens the sign-in
        page, and they type the code. One code per device.

        ## Things to know
        - Reception has a few day vouchers for unplanned single visitors.
        - Guests who need our systems (a supplier working on a project) need remote access,
          not guest wi-fi: ask for it with **VPN and remote access**.
        - Please do not give visitors your own password or connect them to **Corp**.
        """),
        keywords=(
            "wifi",
            "wi-fi",
            "wireless",
            "wlan",
            "internet",
            "guests",
            "visitor",
            "customer",
            "external",
            "voucher",
            "password",
            "hotspot",
            "workshop",
        ),
        services=(_NETWORK,),
        related=("wifi-laptop-drops", "visitor-badge"),
    ),
    ArticleSpec(
        key="wifi-laptop-drops",
        unit="INF",
        title="Wi-fi keeps dropping on the laptop in the office",
        summary="When the office wi-fi drops or is slow at your desk, check the network "
        "you are on, forget and rejoin Corp, and tell us the room so we can check the access "
        "point.",
        body=dedent("""\
        ## Try this first
        1. Check you are on **Corp**, not *Guest*: Guest has internet only and no shared
           drives.
        2. Turn wi-fi off and on again (or **Forget** Corp and select it again; it signs in
           with your company account).
        3. Restart the laptop: a half-installed update can leave the wireless driver stuck.
        4. Try a **network cable** at your desk or the dock. If the cable works and the
           wi-fi does not, it is the wireless, not your account.
        5. Ask a neighbour: if colleagues around you have the same, it is the access point.

        ## Report it
        File **Network and wi-fi** with:
        - the site, floor and room (or the desk number);
        - since when, and whether it is the whole area or only your laptop;
        - the time it last dropped.

        We see the access points in the controller. A failing access point is replaced the
        same day; channel problems with neighbours' networks take a little longer.

        ## Only at home?
        Home wi-fi is your router's job; for the VPN dropping at home see
        [VPN keeps disconnecting](article:vpn-keeps-disconnecting).
        """),
        keywords=(
            "wifi",
            "wi-fi",
            "wireless",
            "wlan",
            "internet",
            "disconnects",
            "unstable",
            "slow",
            "signal",
            "access point",
            "office",
            "notebook",
        ),
        services=(_NETWORK,),
        related=("network-port-not-working", "vpn-keeps-disconnecting"),
    ),
    ArticleSpec(
        key="network-port-not-working",
        unit="INF",
        title="No network at the desk: the wall port is dead",
        summary="When the laptop says 'no cable connected' at your desk, check the cable and "
        "the port label (e.g. 3-B-07) and report it; ports are patched within two days.",
        body=dedent("""\
        ## Check it
        1. Try another cable; the one at the desk may be broken.
        2. Try the dock and the laptop's own port, if it has one.
        3. Look at the **label** on the wall port, for example `3-B-07`. Ports without a
           label were often never connected after a renovation.

        ## Report it
        File **Network and wi-fi** with the room and the port label. A port that worked
        yesterday and stopped (for example after someone plugged a cable from port to port)
        is usually back the same day; a port that was never patched takes up to **two working
        days**.

        ## A whole floor without network
        If nobody on your floor has network, cable or wi-fi, it is an outage, not a port:
        file **Major incident line** or call the desk on extension **4000**.

        Meanwhile the **Corp** wi-fi works at every desk; see
        [wi-fi keeps dropping](article:wifi-laptop-drops) if it does not.
        """),
        keywords=(
            "lan",
            "ethernet",
            "cable",
            "socket",
            "port",
            "wired",
            "network",
            "no internet",
            "desk",
            "patch",
        ),
        services=(_NETWORK,),
        related=("wifi-laptop-drops",),
        review_in_days=60,
    ),
    ArticleSpec(
        key="restore-deleted-file",
        unit="INF",
        title="Getting back a deleted or overwritten file",
        summary="Files on shared drives can be brought back from snapshots taken every six "
        "hours; OneDrive files from its recycle bin. Try Previous Versions first.",
        body=dedent("""\
        ## Shared drives: try it yourself
        The shared drives keep **snapshots every six hours**.
        1. In Explorer, right-click the folder that held the file (or the file itself if it
           was overwritten).
        2. Choose **Properties > Previous Versions**.
        3. Pick a version from before the mistake and click **Open** to look, or **Copy** to
           save it next to the current one. Avoid *Restore*, which overwrites what is there.

        ## OneDrive and Teams files
        Open OneDrive or the team's SharePoint on the web, then **Recycle bin**. Deleted
        files stay there for 93 days. For an overwritten file: right-click it > **Version
        history**.

        ## We restore it for you
        File **Restore deleted files** with:
        - the full path of the folder, e.g. `\\\\files\\projects\\2024 Contracts`;
        - roughly when it was deleted or overwritten;
        - whether it should come back **in place** or **next to** the current files.

        Please do not copy new files into that folder meanwhile. Anything from the **last 30
        days** is restored the same day; older backups take about two days.

        ## Things we cannot bring back
        Files saved only on your laptop's local disk outside OneDrive have no backup. Keep
        work in OneDrive or on a shared drive.
        """),
        keywords=(
            "restore",
            "recover",
            "undo",
            "deleted",
            "delete",
            "lost file",
            "overwritten",
            "backup",
            "previous version",
            "recycle bin",
            "trash",
            "accidentally",
            "folder",
            "shared drive",
        ),
        services=("Restore deleted files",),
        related=("shared-folder-access", "onedrive-sync", "shared-drive-full"),
    ),
    ArticleSpec(
        key="shared-drive-full",
        unit="INF",
        title="Shared drive full: freeing space and asking for more",
        summary="When saving fails with 'not enough space', the team's quota is reached. "
        "We add room for a few days; the team archives old projects and recordings.",
        body=dedent("""\
        Every team drive has a **quota**. When it is reached, nobody in the team can save
        and Office shows *not enough space* or *disk full*.

        ## Right now
        File **Shared folder access**, write *quota full* and give the drive's path. We add
        **50 GB for a month** the same day so the team can work.

        ## Then clean up
        The usual space eaters, in this order:
        1. **Meeting recordings** and videos: often 40% of a drive. They belong in Teams,
           where they expire by themselves.
        2. Old project folders: projects closed **more than two years** ago go to the
           archive share; we move them for you if you name the folders.
        3. Copies of the same file in many folders, and exports from SAP or the reporting
           platform that can be run again.

        Right-click the drive's top folder > **Properties** to see the size of each folder.

        ## More space for good
        The data owner (usually the team lead) asks in the same service. We raise the
        quota when the team has archived what it can.
        """),
        keywords=(
            "full",
            "quota",
            "space",
            "disk",
            "storage",
            "not enough space",
            "cannot save",
            "team drive",
            "network drive",
            "archive",
        ),
        services=(),
        related=("shared-folder-access", "restore-deleted-file"),
        state="draft",
    ),
    ArticleSpec(
        key="certificate-warning-internal-site",
        unit="INF",
        title="Browser warns 'Your connection is not private' on an internal site",
        summary="A certificate warning on an internal address means the site's certificate "
        "expired or the laptop misses our root certificate. Do not click through: report it.",
        body=dedent("""\
        Internal sites (the intranet, SAP Fiori, the reporting platform) use certificates
        from our own certificate authority. Edge and Chrome trust them because company
        laptops carry our root certificate.

        ## When you see the warning
        *Your connection is not private*, *NET::ERR_CERT_DATE_INVALID* or *certificate not
        trusted*:
        1. **Do not click "Proceed anyway"** and do not enter your password on that page.
        2. Check the address: a typing mistake can take you to another site.
        3. Ask a colleague to open the same address. If they get the warning too, the
           site's certificate has probably expired.

        ## Report it
        File **Major incident line** when a whole team cannot work, otherwise call the desk
        on extension **4000**. Tell us the full address and the exact text of the warning
        (a screenshot helps). The team that runs the site renews the certificate.

        ## Only on your laptop?
        Your laptop may be missing the root certificate, usually on a laptop that was set up
        outside the office or on a private device. Private devices are not supported for
        internal sites; for company laptops we push the certificate remotely.

        VPN certificate messages are a different matter: see
        [VPN certificate error](article:vpn-certificate-error).
        """),
        keywords=(
            "ssl",
            "tls",
            "https",
            "certificate",
            "security warning",
            "not secure",
            "not private",
            "browser",
            "edge",
            "chrome",
            "intranet",
            "expired",
        ),
        related=("vpn-certificate-error",),
        state="review",
    ),
    ArticleSpec(
        key="server-request",
        unit="INF",
        title="Requesting a server or virtual machine",
        summary="For system owners and project leads: what to tell us for a new virtual "
        "machine, how long it takes, and what comes with it.",
        body=dedent("""\
        ## What you get
        A virtual machine in our data centre, **patched, backed up and monitored**, with
        Linux (Ubuntu LTS or RHEL) or Windows Server. Test machines are ready in **five
        working days**; production systems after the architecture review.

        ## What to tell us
        File **Server or virtual machine** with:
        | Field | Example |
        |---|---|
        | Purpose | Test environment for the new label printing |
        | Operating system | Ubuntu 24.04 LTS |
        | Size | 4 vCPU, 16 GB memory, 200 GB disk |
        | Environment | Test / production |
        | System owner | The person responsible for the application |
        | Cost centre | Four digits |
        | End date | For project and test machines |

        Give a **system owner**: we ask them before patching or restarting, and alerts go to
        them.

        ## Patching and maintenance
        Servers are patched in the **Sunday window**; production machines can have their own
        window agreed with us. Disk space alerts and restarts are announced in the ticket.

        ## Access from outside
        A supplier who needs to reach the machine needs a firewall rule: ask with
        **Firewall rule or supplier access**; the security officer approves.
        """),
        keywords=(
            "vm",
            "virtual machine",
            "linux",
            "windows server",
            "hosting",
            "test",
            "environment",
            "infrastructure",
            "cloud",
        ),
        services=("Server or virtual machine",),
        audience="departments",
        departments=("Engineering", "Research", "Information Technology"),
        related=("supplier-firewall-access",),
    ),
    ArticleSpec(
        key="supplier-firewall-access",
        unit="INF",
        title="Letting a supplier reach one of our systems",
        summary="A supplier connecting to our SFTP or EDI gateway needs a firewall rule "
        "with a security review. What we need, and how long it takes.",
        body=dedent("""\
        Connections from outside into our network, and from our systems out to a partner,
        pass the firewall only with a rule. Every rule has a **security review**.

        ## What to send with the request
        File **Firewall rule or supplier access** with:
        1. the partner's **IP range** (their IT knows it, e.g. `203.0.113.0/28`);
        2. the **target**: which system and port (e.g. the SFTP server, port 22);
        3. what the connection is for (e.g. the weekly price file);
        4. the **approver**: the system owner or your head of department;
        5. how long it is needed. Rules are limited to **one year** and reviewed each year.

        ## How long it takes
        **Three to five working days**: the security review is on Thursdays. Security may
        ask to limit the rule to one port or a smaller range.

        ## People, not systems
        A supplier's employee working on our laptops or systems needs remote access, not a
        firewall rule: ask for it with **VPN and remote access** (their name, company and a
        signed non-disclosure agreement).
        """),
        keywords=(
            "firewall",
            "port",
            "partner",
            "vendor",
            "external",
            "sftp",
            "edi",
            "ip range",
            "whitelist",
            "allowlist",
            "security review",
        ),
        services=("Firewall rule or supplier access",),
        related=("server-request",),
    ),
    ArticleSpec(
        key="agent-restore-from-snapshot",
        unit="INF",
        title="Restoring files from share snapshots",
        summary="For Infrastructure agents: find the right snapshot, restore next to the "
        "original, and when to go to the backup instead.",
        body=dedent("""\
        Internal: for Servers and storage.

        ## Within 30 days: snapshots
        1. Check the requester could open the folder (group membership in the directory).
           Restores only go to people who had access.
        2. On the file cluster list the share's snapshots (every six hours, kept 30 days).
        3. Pick the **last snapshot before the deletion time** the requester gave; browse it
           read-only to confirm the files are there.
        4. Restore **next to the original** with the suffix ` (restored YYYY-MM-DD)` unless
           the requester asked for in place.
        5. Check permissions on the restored folder match the parent.

        ## Older than 30 days: backup
        Restore from the nightly backup to the staging share first, then copy. Tell the
        requester it takes up to two days.

        ## Close the ticket
        Public reply with the restored path; internal note with the snapshot used. If a
        whole folder tree was deleted by a script or sync, add a note for the security team.
        """),
        keywords=("snapshot", "restore", "backup", "file cluster", "desk procedure"),
        services=("Restore deleted files",),
        audience="agents",
        related=("restore-deleted-file",),
    ),
    ArticleSpec(
        key="sap-sign-in",
        unit="APP",
        title="Signing in to SAP",
        summary="SAP S/4HANA opens in the browser (Fiori) or in SAP GUI with your company "
        "account. What to do when sign-in fails or SAP says your user is locked.",
        body=dedent("""\
        Our ERP is **SAP S/4HANA**. Most people use it in the browser (the **Fiori
        launchpad**, linked on the intranet); Finance and Operations also use **SAP GUI**,
        installed from the Software Center.

        ## Sign in
        - **Fiori**: open the launchpad from the intranet; it signs you in with your company
          account (single sign-on). Outside the office, connect the VPN first.
        - **SAP GUI**: choose the system **P01 (Production)** and double-click; it signs you
          in without a password.

        ## It does not let you in
        | Message | What to do |
        |---|---|
        | *User is locked* | Too many wrong passwords in SAP GUI: file **SAP access or role** |
        | *Name or password is incorrect* | Single sign-on failed: restart, connect the VPN |
        | *No user exists* | You have no SAP user yet: your manager asks for one |
        | *Not authorised to use transaction* | See [SAP authorisation](article:sap-authorisation) |

        ## A new colleague needs SAP
        Managers ask for the SAP user with the [onboarding request](article:onboarding-new-starter)
        or with **SAP access or role**, naming whose roles the new colleague should get.
        The user is created once the company account exists.

        Your company password itself does not work? That is
        [a password reset](article:password-reset-self-service), not SAP.
        """),
        keywords=(
            "sap",
            "erp",
            "s4hana",
            "s/4hana",
            "fiori",
            "sap gui",
            "login",
            "log in",
            "logon",
            "locked",
            "single sign-on",
            "sso",
        ),
        services=(_SAP,),
        related=("sap-authorisation", "password-reset-self-service"),
    ),
    ArticleSpec(
        key="sap-authorisation",
        unit="APP",
        title="SAP says 'You are not authorised to use transaction'",
        summary="Transactions such as FB60, MIRO or ME21N need a role that the role owner "
        "approves. How to ask for the right role, and why a predecessor's roles are not "
        "copied.",
        body=dedent("""\
        SAP gives access through **roles**: each role bundles transactions for one job, for
        example `Z_FI_AP_CLERK` for accounts payable (FB60, MIRO). Every role has an owner
        who approves who gets it.

        ## Ask for a role
        File **SAP access or role** with:
        1. the **transaction** SAP refused (e.g. `FB60`) and the exact message;
        2. the **company code** you work for (e.g. `1000`);
        3. what you need it for, e.g. "month-end closing".

        We find the role that contains the transaction and send the approval to its owner
        and your manager. Once both approve, the role is on your user within **two to three
        working days**, often sooner.

        ## You changed teams
        Roles follow the job, not the person: your old roles are removed and your
        predecessor's are not copied automatically. Tell us whose work you took over and we
        compare their roles with yours.

        ## Urgent at month end
        Say so in the request. For closing tasks the Finance controller can approve an
        emergency role for a few days.
        """),
        keywords=(
            "sap",
            "erp",
            "authorization",
            "permission",
            "access",
            "role",
            "transaction",
            "tcode",
            "fb60",
            "miro",
            "me21n",
            "f110",
            "company code",
            "not authorised",
        ),
        services=(_SAP,),
        audience="departments",
        departments=("Finance", "Operations"),
        related=("sap-sign-in",),
    ),
    ArticleSpec(
        key="crm-accounts-missing",
        unit="APP",
        title="Salesforce: accounts missing after the territory change",
        summary="When your accounts disappear from your Salesforce list, your user is "
        "usually in the wrong territory or has no region. How to check and what to send us.",
        body=dedent("""\
        Salesforce decides which accounts you see by **territory**: your region and your
        team. When the territories are recalculated (every quarter, and after
        reorganisations), users without a region code lose their accounts from view.

        ## Check first
        1. Open **Accounts** and switch the list view to **My Territory Accounts**; *My
           Accounts* only shows the ones you own.
        2. Search an account by name: if it is found but shows another owner, it was moved.
        3. Look at your user's **Region** under *Settings > My Personal Information*.

        ## Tell us
        File **Salesforce account** and choose *Accounts and contacts*. Name two or three
        accounts you should see (e.g. *Nordwind Logistik GmbH*) and your region (DACH,
        Iberia, Nordics, or UK and Ireland). We correct
        your territory and re-run the assignment; your accounts are back within a working
        day.

        ## Duplicates
        An account that appears two or three times (often after an import) can be merged:
        tell us which record has the right address.
        """),
        keywords=(
            "salesforce",
            "crm",
            "sfdc",
            "accounts",
            "customers",
            "territory",
            "region",
            "opportunities",
            "missing",
            "disappeared",
            "duplicates",
        ),
        services=(_CRM,),
        audience="departments",
        departments=_CRM_DEPARTMENTS,
        related=("crm-outlook-add-in",),
    ),
    ArticleSpec(
        key="crm-outlook-add-in",
        unit="APP",
        title="Salesforce panel in Outlook is empty",
        summary="Log e-mails to opportunities from Outlook: restart Outlook, pin the add-in, "
        "and ask us to redeploy it if the button stays grey.",
        body=dedent("""\
        The **Salesforce add-in** shows the customer's record next to an e-mail and logs the
        mail to an opportunity.

        ## Try this
        1. Close Outlook completely and start it again: the add-in loads at start.
        2. Open an e-mail and click **Salesforce** in the ribbon (or under **... > Apps**).
           Pin it so it stays visible.
        3. The panel asks you to sign in: use **Log in with company account**.
        4. Still empty? Try Outlook on the web: if it works there, the desktop Outlook needs
           an update from the Software Center.

        ## The button is grey or missing
        The add-in is deployed to the sales groups. After a licence or team change it can be
        lost. File **Salesforce account** and choose *Outlook plugin*; we redeploy it
        within a day.
        """),
        keywords=(
            "salesforce",
            "crm",
            "outlook",
            "plugin",
            "add-in",
            "addin",
            "log email",
            "side panel",
            "greyed out",
        ),
        services=(_CRM,),
        audience="departments",
        departments=("Sales",),
        related=("crm-accounts-missing",),
    ),
    ArticleSpec(
        key="report-shows-old-numbers",
        unit="APP",
        title="A dashboard shows yesterday's numbers",
        summary="Dashboards on the reporting platform refresh overnight and should be "
        "current by 07:30. What to check and how to report a failed refresh or a slow report.",
        body=dedent("""\
        The dashboards on the reporting platform (*Sales Pipeline*, *Open Items*, *Monthly
        P&L*, *Stock Levels* and others) load their data **overnight** from SAP and
        Salesforce and are current by **07:30**.

        ## Check first
        1. Look at **Last refreshed** at the top of the dashboard.
        2. Reload the page with **Ctrl + F5**: your browser may show a copy from yesterday.
        3. Bookings made today appear **tomorrow**; that is not a fault.

        ## Report it
        File **Reports and dashboards** with the report's name and the *last refreshed*
        time. A failed refresh is usually fixed the same morning.

        ## The report is slow or times out
        Filter to a quarter instead of the whole year as a workaround, and tell us which
        filters you used.

        ## A new column or a change
        Use the same service and say what you need and why; changes are released on
        Wednesdays, and a new field needs the data owner's agreement.
        """),
        keywords=(
            "report",
            "dashboard",
            "bi",
            "power bi",
            "kpi",
            "figures",
            "data",
            "not updated",
            "old data",
            "refresh",
            "stale",
            "timeout",
        ),
        services=("Reports and dashboards",),
        related=("sap-sign-in",),
        review_in_days=-7,
    ),
)
