"""The IT Service Desk's articles: VPN, accounts and MFA, mail on phones, Outlook and
Teams, printers, laptops and software; and the desk's own how-tos."""

from textwrap import dedent

from scotty.demo.content.articles import ArticleSpec

_VPN = "VPN and remote access"
_ACCOUNT = "Password or account locked"
_PHONE_MAIL = "E-mail on my phone"
_PRINTER = "Printer or scanner problem"
_LAPTOP = "New laptop or replacement"
_SOFTWARE = "Software installation or licence"

IT_ARTICLES: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        key="vpn-keeps-disconnecting",
        unit="IT",
        title="VPN connection keeps dropping",
        summary="The VPN connects but disconnects every few minutes. Update the client, test "
        "over your phone's hotspot and reconnect before you file a request.",
        body=dedent("""\
        ## What usually causes it
        Most drops we see have one of three causes: an old VPN client with a known keep-alive
        bug, a home router that closes idle connections, or a problem on our gateway that
        affects many people at once.

        ## Try this first
        1. **Update the client.** Open your VPN client (GlobalProtect, Cisco Secure Client or
           FortiClient, depending on your laptop) and look at **Help > About**. Install any
           VPN update waiting in the **Software Center**, then restart the laptop.
        2. **Test over your phone's hotspot** for half an hour. If it stays up there, your
           home router is involved: restart it, and plug the laptop in by cable if you can.
        3. **Quit the client completely**, also from the tray icon next to the clock, and
           connect again. It then loads the current profile and the nearest gateway.
        4. Check the announcements on the portal home: when colleagues report drops since
           the same day, we are already working on it and you do not need to file.

        ## When to file a request
        File **VPN and remote access** and choose *It connects but drops*. Tell us:
        - since when, and roughly how often it drops;
        - the client version from Help > About;
        - whether it also drops over the hotspot.

        We watch the gateway log while you stay connected and can switch your profile to
        TCP if your router closes idle UDP sessions. If the gateway is the cause we hand it
        to Infrastructure and stay your contact until it is fixed.
        """),
        keywords=(
            "drops",
            "dropping",
            "disconnects",
            "connection lost",
            "unstable",
            "cuts out",
            "home office",
            "working from home",
            "globalprotect",
            "cisco",
            "anyconnect",
            "forticlient",
            "remote",
            "reconnect",
        ),
        services=(_VPN,),
        related=("vpn-cannot-connect", "vpn-new-laptop-setup", "wifi-laptop-drops"),
        review_in_days=120,
    ),
    ArticleSpec(
        key="vpn-cannot-connect",
        unit="IT",
        title="VPN will not connect",
        summary="The VPN client shows 'Gateway unreachable' or 'Authentication failed' and "
        "never connects. What to check at home, in a hotel and at a customer's site.",
        body=dedent("""\
        ## Check the error message
        | The client says | What to do |
        |---|---|
        | *Gateway unreachable* | Quit the client, reconnect, try your phone's hotspot |
        | *Could not establish a connection* | The network blocks the VPN: see step 2 below |
        | *Authentication failed* | [Reset your password](article:password-reset-self-service) |
        | *Terminated by the server* | Your profile is old: file a request, we reset it |
        | *Certificate expired* | See [VPN certificate error](article:vpn-certificate-error) |

        ## Try this first
        1. Quit GlobalProtect, Cisco Secure Client or FortiClient completely (tray icon >
           Quit), then start it again.
        2. Hotels, trains and guest networks often block the usual VPN port. The current
           profile falls back to port 443, so make sure the client is up to date from the
           **Software Center**.
        3. Try your phone's hotspot. If it connects there, the network you were on is the
           problem, not your laptop.
        4. After a department change your account may be missing from the VPN group: that
           is a fix for us, not for you.

        ## When to file a request
        File **VPN and remote access** and choose *It does not connect*. Copy the error word
        for word or attach a screenshot, and tell us where you are connecting from. If you
        cannot reach the portal, call the desk on extension **4000** (+49 30 4017 4000 from
        outside).
        """),
        keywords=(
            "connect",
            "login",
            "gateway",
            "unreachable",
            "authentication",
            "hotel",
            "remote",
            "globalprotect",
            "cisco",
            "forticlient",
            "anyconnect",
            "home office",
            "error",
        ),
        services=(_VPN,),
        related=("vpn-keeps-disconnecting", "vpn-certificate-error", "account-locked"),
    ),
    ArticleSpec(
        key="vpn-new-laptop-setup",
        unit="IT",
        title="Setting up the VPN on a new laptop",
        summary="A new or replaced laptop has the VPN client installed, but it needs one "
        "sign-in in the office network or a profile from us before it works from home.",
        body=dedent("""\
        Every company laptop comes with a VPN client: **GlobalProtect** on the current
        ThinkPads and MacBooks, **Cisco Secure Client** or **FortiClient** on some older
        models. You do not need to install anything yourself.

        ## The first start
        1. Start the laptop **in the office** (cable or the *Corp* wi-fi) and sign in with
           your company account. This sets up the machine certificate the VPN needs.
        2. Leave it on for ten minutes, then restart it once.
        3. Open the VPN client from the tray icon. The portal address is filled in already;
           sign in with your company account and approve the MFA prompt.
        4. Check it works: connect, then open a shared drive or the intranet.

        ## The laptop was sent to your home
        If you never had the laptop in the office, it cannot get its certificate by itself.
        File **VPN and remote access** and tell us the asset tag (the sticker underneath,
        e.g. `NB-20417`); we push the certificate and profile while the laptop is online.

        ## Things to know
        - Your old laptop's VPN settings do not move over; nothing to copy.
        - MFA must work before the VPN does: if you also have a new phone, set up
          [MFA on the new phone](article:mfa-new-phone) first.
        - The client updates itself through the Software Center; please do not download
          VPN clients from the internet.
        """),
        keywords=(
            "install",
            "configure",
            "setup",
            "notebook",
            "computer",
            "remote",
            "home office",
            "first time",
            "globalprotect",
            "cisco",
            "forticlient",
            "profile",
            "replacement",
            "new laptop",
            "set up",
            "first start",
            "certificate",
        ),
        services=(_VPN,),
        related=("new-laptop-request", "vpn-cannot-connect", "mfa-new-phone"),
    ),
    ArticleSpec(
        key="vpn-certificate-error",
        unit="IT",
        title="VPN says the certificate has expired",
        summary="After weeks away from the office the laptop's machine certificate expires "
        "and the VPN refuses it. Ten minutes on the office network renew it.",
        body=dedent("""\
        The VPN checks a **machine certificate** on your laptop as well as your password.
        The certificate renews itself, but only while the laptop is on the company network.
        After about three weeks of working only from home it can expire, and the client
        shows *Certificate validation failed* or *certificate has expired*.

        ## Fix it yourself
        1. Bring the laptop to any office and connect it to the network: a cable at a desk
           or the *Corp* wi-fi. *Guest* does not work for this.
        2. Sign in and leave it on for **ten minutes**.
        3. Restart it. The VPN accepts the new certificate from then on.

        ## You cannot come to an office
        File **VPN and remote access**, choose *Certificate error*, and keep the laptop
        switched on and online at home. We renew the certificate remotely over the
        management connection; this takes about half an hour.

        ## Not the same as a browser warning
        A warning in Edge or Chrome about a website's certificate is something else: see
        [certificate warnings on internal sites](article:certificate-warning-internal-site).
        """),
        keywords=(
            "expired",
            "validation",
            "invalid",
            "remote",
            "globalprotect",
            "cisco",
            "forticlient",
            "home office",
        ),
        services=(_VPN,),
        related=("vpn-cannot-connect", "certificate-warning-internal-site"),
        review_in_days=-14,
    ),
    ArticleSpec(
        key="password-reset-self-service",
        unit="IT",
        title="Reset your password yourself",
        summary="Forgot your password? Reset it at aka.ms/sspr with your registered phone, "
        "then update it on your laptop and phone. If that fails, call the desk.",
        body=dedent("""\
        You can reset a forgotten company password yourself, day or night, if your mobile
        number is registered for self-service.

        ## Reset it
        1. On any browser go to `aka.ms/sspr` (on the Windows sign-in screen: **Reset
           password**).
        2. Enter your company e-mail address and the characters shown.
        3. Choose how to verify: a code by text message or the Authenticator app.
        4. Set a new password: at least 14 characters, not one of your last ten. A short
           sentence is easier to remember than random characters.

        ## Right after the reset
        - **Laptop at home:** lock and unlock it while connected to the VPN, or it keeps the
          old password until it next sees the office network.
        - **Phone:** Outlook and Teams ask for the new password once. Remove the account from
          any old phone or tablet, or it [locks your account](article:account-locked).

        ## It does not work
        The self-service reset asks for the phone number you registered. If that number has
        changed, we reset the password for you: call the desk on extension **4000** or come
        by. For security we call you back on the number in the HR system, and **we never
        send a password by e-mail**. Then register your new number at `aka.ms/mfasetup`.
        """),
        keywords=(
            "forgot",
            "forgotten",
            "reset",
            "new password",
            "change password",
            "sign in",
            "login",
            "log in",
            "expired",
            "sspr",
            "credentials",
        ),
        services=(_ACCOUNT,),
        related=("account-locked", "mfa-new-phone"),
        review_in_days=90,
    ),
    ArticleSpec(
        key="account-locked",
        unit="IT",
        title="Account locked after too many attempts",
        summary="Your account locks after ten wrong passwords and unlocks itself after 15 "
        "minutes. If it keeps locking, an old device is still trying your old password.",
        body=dedent("""\
        ## Locked once
        After **ten wrong attempts** the account locks for **15 minutes** and then unlocks
        itself. Wait, then sign in carefully (check Caps Lock and the keyboard layout shown
        on the Windows sign-in screen: DEU and ENG swap Y and Z).

        If you cannot wait, call the desk on extension **4000**: we unlock it while you are
        on the phone.

        ## Locked again and again
        When your account locks every morning although you typed nothing wrong, a device is
        still using your **old password**, usually after a password change:
        - an old phone or tablet with your work mail on it;
        - the phone's built-in Mail app next to Outlook;
        - a second laptop, or a mapped drive with saved credentials.

        Remove the work account from those devices, or sign them in with the new password.
        We can see where the failed attempts come from, so if you cannot find it, file
        **Password or account locked** and we look it up.

        ## Forgot the password as well?
        Then [reset it yourself](article:password-reset-self-service) first.
        """),
        keywords=(
            "lockout",
            "locked out",
            "unlock",
            "cannot sign in",
            "login",
            "log in",
            "blocked",
            "disabled",
            "attempts",
            "windows",
        ),
        services=(_ACCOUNT,),
        related=("password-reset-self-service", "phone-mail-password-prompts"),
    ),
    ArticleSpec(
        key="mfa-new-phone",
        unit="IT",
        title="Moving MFA to a new phone",
        summary="Set up Microsoft Authenticator on your new phone before you hand in or wipe "
        "the old one. Lost the old phone already? We reset MFA after an identity check.",
        body=dedent("""\
        Your sign-ins are approved in **Microsoft Authenticator**. The app does not move to
        a new phone by itself.

        ## While you still have the old phone
        1. Install Microsoft Authenticator on the new phone.
        2. On your laptop go to `aka.ms/mfasetup` and sign in (approve on the old phone).
        3. Choose **Add sign-in method > Authenticator app** and scan the QR code with the
           new phone.
        4. Set the new phone as the default method, approve a test sign-in, and only then
           delete the old entry and wipe the old phone.

        ## The old phone is gone (wiped, returned, lost or stolen)
        We need to check it is you before we reset MFA:
        - come by the IT desk with your **staff ID**, or
        - call extension **4000**; we call you back on the number in the HR system.

        We then clear the old registration and you set up the app at your next sign-in. If
        the replacement phone is not there yet, we can give you a **temporary access pass**
        valid for five days.

        A **lost or stolen** phone: tell us at once on extension **4000**, so we block it
        and wipe the work data on it before anyone can read your mail.

        ## The prompt does not arrive
        Open the Authenticator app directly; the request is often waiting there. Allow
        notifications for the app and switch off focus or battery-saving modes.
        """),
        keywords=(
            "authenticator",
            "2fa",
            "two factor",
            "code",
            "approve",
            "prompt",
            "smartphone",
            "mobile",
            "lost phone",
            "stolen",
            "new iphone",
            "new android",
            "temporary access pass",
        ),
        services=(_ACCOUNT,),
        related=("email-iphone", "email-android", "password-reset-self-service"),
    ),
    ArticleSpec(
        key="email-iphone",
        unit="IT",
        title="Work e-mail on an iPhone",
        summary="Install Company Portal, enrol the iPhone, then sign in to the Outlook app: "
        "mail, calendar and contacts in about ten minutes, on a company or your own iPhone.",
        body=dedent("""\
        Work mail on phones goes through the **Outlook app**, and the phone has to be
        registered in our device management first. On your own iPhone this manages only
        the work apps, never your photos or private apps.

        ## Set it up
        1. Update iOS (**Settings > General > Software Update**). Phones below the current
           minimum version are blocked.
        2. Install **Company Portal** from the App Store and sign in with your company
           account. Approve the MFA prompt.
        3. Follow the steps to register the device; allow the management profile when iOS
           asks (**Settings > Profile Downloaded > Install**).
        4. Install **Microsoft Outlook** from the App Store, open it and choose your company
           account. Mail, calendar and contacts appear within a few minutes.
        5. Add **Teams** and **Authenticator** the same way if you use them.

        ## It stops at "Registering your device"
        You can have at most **three** registered devices. Remove an old phone in Company
        Portal (**Devices**), or file **E-mail on my phone** and we remove it.

        ## Mail stopped syncing later
        Open Company Portal and tap **Check status**: a phone that is *not compliant*
        (usually an iOS update is missing) stops getting mail. In Outlook, **Settings >
        your account > Reset account** forces a fresh sync.

        Please do not add the work account to Apple's built-in Mail app: it is blocked, and
        it [locks your account](article:account-locked) after a password change.
        """),
        keywords=(
            "mail",
            "email",
            "outlook",
            "phone",
            "mobile",
            "smartphone",
            "apple",
            "ios",
            "intune",
            "company portal",
            "calendar",
            "sync",
            "setup",
            "contacts",
        ),
        services=(_PHONE_MAIL,),
        related=("email-android", "phone-mail-password-prompts", "mfa-new-phone"),
    ),
    ArticleSpec(
        key="email-android",
        unit="IT",
        title="Work e-mail on an Android phone",
        summary="Company Portal creates a work profile on your Samsung or Pixel; Outlook in "
        "that profile gets your mail, calendar and contacts.",
        body=dedent("""\
        On Android, work apps live in a separate **work profile** (the apps with a small
        briefcase). We manage only that profile; your private apps and data stay yours.

        ## Set it up
        1. Update Android (**Settings > System > Software update**). Older versions are not
           allowed to sync work mail.
        2. Install **Intune Company Portal** from the Play Store and sign in with your
           company account; approve the MFA prompt.
        3. Accept the work profile. This takes a few minutes; keep the phone on charge.
        4. Open the **Play Store with the briefcase** and install **Microsoft Outlook** there.
        5. Open Outlook (briefcase icon) and choose your company account.

        ## Common problems
        - **"This device already has a work profile"**: remove the old profile, for example
          from a previous employer, under **Settings > Accounts > Work profile**.
        - **Stops at registration**: you already have three registered devices. Remove one
          in Company Portal or ask us.
        - **Mail no longer syncs**: open Company Portal and tap **Check status**. A device
          marked *not compliant* needs an update before mail flows again.
        - **Asks for the password again and again**: see
          [password prompts on the phone](article:phone-mail-password-prompts).

        Need a hand? File **E-mail on my phone** and ask for an appointment: we set it up
        with you at the desk in ten minutes.
        """),
        keywords=(
            "mail",
            "email",
            "outlook",
            "phone",
            "mobile",
            "smartphone",
            "samsung",
            "galaxy",
            "pixel",
            "google",
            "intune",
            "company portal",
            "work profile",
            "calendar",
            "sync",
            "setup",
        ),
        services=(_PHONE_MAIL,),
        related=("email-iphone", "phone-mail-password-prompts", "mfa-new-phone"),
    ),
    ArticleSpec(
        key="phone-mail-password-prompts",
        unit="IT",
        title="Outlook on the phone keeps asking for the password",
        summary="Repeated password prompts on the phone nearly always follow a password "
        "change: remove and re-add the account, and clear it from the built-in Mail app.",
        body=dedent("""\
        When Outlook on your phone asks for your password every few minutes, something on
        the phone is still trying your **old password**. The failed attempts can also lock
        your account.

        ## Fix it
        1. In Outlook go to **Settings**, tap your work account and choose **Delete
           account** (this removes it from the phone only, not your mailbox).
        2. Add it again and enter your **new** password once.
        3. Check the phone's built-in **Mail** or **Calendar** app: if your work account is
           there from earlier, remove it. It keeps trying the old password in the
           background.
        4. Do the same on any old phone or tablet you still have.

        ## Still asked after that
        File **E-mail on my phone** and choose *It keeps asking for my password*. We sign
        out all sessions of your phone on our side; the next time Outlook asks, enter the
        new password once and the prompts stop.

        Your account is locked as well? See [account locked](article:account-locked).
        """),
        keywords=(
            "prompt",
            "popup",
            "asks",
            "again",
            "login",
            "sign in",
            "mail",
            "email",
            "mobile",
            "smartphone",
            "iphone",
            "android",
            "credentials",
        ),
        services=(_PHONE_MAIL,),
        related=("account-locked", "email-iphone", "email-android"),
    ),
    ArticleSpec(
        key="outlook-search-not-working",
        unit="IT",
        title="Outlook search finds nothing or only recent mail",
        summary="When Outlook's search misses mail you know is there, the local index is "
        "usually incomplete. Check the indexing status and rebuild it.",
        body=dedent("""\
        Outlook on Windows searches a local index of your mailbox. After an update, a new
        laptop or a full disk the index can be incomplete, and search then finds nothing or
        only the last few weeks.

        ## Try this first
        1. Check **where** you search: the box next to the search field should say
           **All mailboxes** or **Current mailbox**, not *Current folder*.
        2. Look at the index: click in the search box, then **Search > Search Tools >
           Indexing Status**. "Outlook has finished indexing" means the index is complete.
        3. If items remain, leave Outlook open (and the laptop on charge) for an hour.
        4. Still missing mail? Rebuild the index: **File > Options > Search > Indexing
           Options > Advanced > Rebuild**. This runs in the background and can take a few
           hours for a large mailbox.
        5. As a workaround, search in Outlook on the web (`outlook.office.com`), which
           searches the server directly.

        ## Only older mail is missing
        Outlook may keep only the last year on the laptop. **File > Account Settings >
        Account Settings > Change** shows the slider; older mail is still found when you
        click *more results on the server* at the end of the results.

        ## When to file a request
        If search stays broken after a rebuild, file **Software installation or licence**,
        choose the problem (not an installation) and name Outlook; we repair the Office
        installation remotely.
        """),
        keywords=(
            "email",
            "mail",
            "find",
            "index",
            "indexing",
            "results",
            "missing",
            "cannot find",
            "lost email",
            "inbox",
        ),
        services=(_SOFTWARE,),
        related=("shared-mailbox", "software-install"),
    ),
    ArticleSpec(
        key="shared-mailbox",
        unit="IT",
        title="Opening a shared mailbox in Outlook",
        summary="A team mailbox such as sales@ or invoices@ appears in Outlook by itself "
        "once its owner has given you access. How to get access and send from it.",
        body=dedent("""\
        Team addresses (for example `sales@example.com` or `invoices@example.com`) are
        **shared mailboxes**: several people read and answer the same inbox.

        ## Getting access
        Access is approved by the mailbox's owner, usually the team lead. File **Shared
        folder access**, name the mailbox and whether you need to **read** or also **send
        as** it; we ask the owner and add you.

        ## It appears by itself
        After access is granted, the shared mailbox shows in Outlook's folder list within an
        hour or after restarting Outlook. On the web: right-click **Folders > Add shared
        folder or mailbox**.

        On the phone, add it in the Outlook app under **Settings > Add account > Add a
        shared mailbox**.

        ## Sending from it
        1. In a new message click **From** (if you do not see it: **Options > Show From**).
        2. Choose the shared address, or type it once.
        3. Sent items go to the shared mailbox's own *Sent Items* folder.

        ## Things to know
        - Mail you move or delete in a shared mailbox is gone for your colleagues too.
        - A shared mailbox has no password of its own; never ask for one.
        - Calendars shared by a person are not shared mailboxes: the owner shares them from
          their own Outlook.
        """),
        keywords=(
            "team mailbox",
            "functional mailbox",
            "group mailbox",
            "send as",
            "delegate",
            "generic address",
            "email",
            "mail",
            "inbox",
        ),
        services=("Shared folder access",),
        related=("outlook-search-not-working", "shared-folder-access"),
    ),
    ArticleSpec(
        key="printer-jams",
        unit="IT",
        title="Printer jams or prints badly",
        summary="Paper jams, streaks and faint pages on the office printers: what to try at "
        "the printer, and how to report it with the printer's name.",
        body=dedent("""\
        ## Paper jam
        1. Follow the pictures on the printer's display: it shows which flap to open.
        2. Pull stuck paper out slowly in the direction it travels, with both hands.
        3. If the printer still reports a jam with no paper inside, switch it off for a
           minute and on again.
        4. Jams on every page usually come from **tray 2** or from recycled paper: print from
           tray 1 with normal white paper until we have looked at it.

        ## Faint pages, streaks or no toner
        - The display tells you which toner is low. Spare toner is in the cupboard next to
          the printer; the display shows how to change it.
        - Cupboard empty? Report it below, and print on the other printer of your floor
          meanwhile.

        ## Report it
        File **Printer or scanner problem** with the printer's name from the label on the
        front (for example `PRN-B2-01`), what is wrong and any error code on the display. A
        printer that jams again and again needs a technician: we send ours or the printer
        service company, usually within one to three days.

        Your jobs do not come out at all, or the printer is missing on your laptop? See
        [printing from your laptop](article:printing-from-laptop).
        """),
        keywords=(
            "printing",
            "paper jam",
            "stuck",
            "toner",
            "cartridge",
            "faint",
            "streaks",
            "copier",
            "multifunction",
            "mfp",
            "tray",
            "error code",
        ),
        services=(_PRINTER,),
        related=("printing-from-laptop", "scan-to-email"),
    ),
    ArticleSpec(
        key="printing-from-laptop",
        unit="IT",
        title="Printing from your laptop: adding an office printer",
        summary="Add a printer by its name from the label (e.g. PRN-B2-01), clear stuck "
        "print jobs, and what to do when jobs never come out.",
        body=dedent("""\
        Office printers are shared through our print server. Every printer has its name on
        a label on the front: `PRN-` then the building, floor and number, e.g. `PRN-B2-01`
        (Berlin, floor 2), `PRN-M1-01` (Munich) or `PRN-H0-04` (Hamburg).

        ## Add a printer (Windows)
        1. Be in the office or connected to the VPN.
        2. Open **Settings > Bluetooth & devices > Printers & scanners > Add device**.
        3. If the printer is not listed, click **Add manually** and type
           `\\\\print\\PRN-B2-01` (with your printer's name).
        4. Windows installs the driver by itself. Print a test page.

        On a Mac, open the **Software Center (Self Service)** and install *Office printers*.

        ## Jobs stay in the queue or never come out
        1. Open the printer's queue (**Printers & scanners > your printer > Open print
           queue**) and cancel jobs that show *Error*.
        2. Remove the printer and add it again as above. This also fixes an old driver left
           from before a printer was replaced.
        3. Can colleagues print to it? If nobody can, it is the printer or the server: report
           it.

        ## Report it
        File **Printer or scanner problem**, choose *Jobs do not come out* and give the
        printer's name. We clear the queue and reinstall the driver remotely.
        """),
        keywords=(
            "print",
            "printing",
            "printers",
            "add printer",
            "install printer",
            "driver",
            "queue",
            "print job",
            "stuck",
            "mac",
            "notebook",
            "cannot print",
            "not printing",
            "printer not working",
            "offline",
            "test page",
        ),
        services=(_PRINTER,),
        related=("printer-jams", "scan-to-email"),
    ),
    ArticleSpec(
        key="scan-to-email",
        unit="IT",
        title="Scan to e-mail does not arrive",
        summary="Scans larger than 10 MB are refused by the mail relay. Scan fewer pages, in "
        "black and white or at 200 dpi, and check the address the printer uses.",
        body=dedent("""\
        The multifunction printers send scans to your mailbox through our mail relay. The
        display says *sent* even when the relay refuses the scan later, so a missing scan is
        usually one of these:

        ## Too large
        The relay accepts scans up to **10 MB**. A 30-page contract in colour at high
        resolution is far more.
        - Scan in **black and white** and at **200 dpi** (the default on most printers).
        - Split long documents into several scans.
        - Test with one page: if that arrives, size is the problem.

        ## Wrong address
        Choose your name from the printer's address book rather than typing it. Scans to
        addresses outside the company are blocked.

        ## Nothing arrives, not even one page
        Check your **Junk** folder, then report it: file **Printer or scanner problem**,
        choose *Scan to e-mail does not arrive* and give the printer's name from the label
        (e.g. `PRN-B3-02`). If a whole floor is affected we check the relay with
        Infrastructure.

        ## Alternatives
        - **Scan to USB stick** at the printer's panel.
        - The **Office Lens / Microsoft Lens** app on your phone scans a few pages well.
        """),
        keywords=(
            "scanner",
            "scanning",
            "scan",
            "pdf",
            "email",
            "mail",
            "copier",
            "multifunction",
            "mfp",
            "size",
            "attachment",
        ),
        services=(_PRINTER,),
        related=("printer-jams", "printing-from-laptop"),
    ),
    ArticleSpec(
        key="new-laptop-request",
        unit="IT",
        title="Ordering a new or replacement laptop",
        summary="Laptops for new starters, five-year replacements and broken machines: which "
        "model, who approves, how long it takes, and the loan laptop if yours fails.",
        body=dedent("""\
        ## Which laptop
        | Model | For |
        |---|---|
        | ThinkPad T14 | The standard laptop; suits most work |
        | MacBook Air | Design and engineering teams |
        | Dell Precision | CAD and data science; tell us which applications need it |

        ## Order it
        File **New laptop or replacement** and choose the reason:
        - **New starter**: the hiring manager orders it with the
          [onboarding request](article:onboarding-new-starter); give the first day as
          *needed by*.
        - **Five years or older**: your manager approves; we ask them for you.
        - **Broken or lost**: give the asset tag of the old laptop (sticker underneath, e.g.
          `NB-20417`).

        Add a docking station, monitors, headset or keyboard in the same request.

        ## How long it takes
        About **a week**. We set the laptop up with your accounts and move your files over:
        OneDrive is copied automatically; files saved only on the old desktop are not, so
        move them to OneDrive first.

        ## Your laptop broke and you cannot work
        Say so in the request (*Can you work at all? No*), or call extension **4000**. We
        bring a **loan laptop the same day** to the IT desk at your site and repair or
        replace yours. Screens and batteries are usually covered by the warranty.
        """),
        keywords=(
            "notebook",
            "computer",
            "pc",
            "hardware",
            "thinkpad",
            "macbook",
            "dell",
            "broken",
            "replacement",
            "loaner",
            "new starter",
            "new joiner",
            "equipment",
            "order",
        ),
        services=(_LAPTOP,),
        related=("onboarding-new-starter", "vpn-new-laptop-setup", "docking-station"),
    ),
    ArticleSpec(
        key="teams-meeting-recording",
        unit="IT",
        title="Recording a Teams meeting and finding the recording",
        summary="Start a recording from More actions, and find it afterwards in the meeting "
        "chat, in OneDrive or SharePoint. Who may record, and how long recordings are kept.",
        body=dedent("""\
        ## Record
        1. In the meeting click **More actions (...) > Record and transcribe > Start
           recording**.
        2. Everyone sees a banner that the meeting is recorded. Tell participants, and ask
           external guests before you start.
        3. Stop with **More actions > Stop recording**, or it stops when everyone leaves.

        The organiser and people from our company can record; guests cannot. If the button
        is greyed out, the organiser has turned recording off in the meeting options.

        ## Find the recording
        - It appears in the **meeting chat** a few minutes after the meeting.
        - Ordinary meetings: in the OneDrive of whoever started it, folder **Recordings**.
        - Channel meetings: in the channel's **Files** tab, folder *Recordings*.

        Share it from there like any file; people outside the company need it shared with
        them explicitly.

        ## How long it is kept
        Recordings are deleted automatically after **120 days**. Download the ones you need
        to keep and save them to a team folder. Please do not keep recordings on shared
        drives: they fill them fast.

        ## Transcripts
        **Record and transcribe > Start transcription** writes along. The transcript sits
        next to the recording in the meeting's **Recap** tab.
        """),
        keywords=(
            "teams",
            "record",
            "video",
            "meeting recording",
            "recap",
            "transcript",
            "stream",
            "where is my recording",
            "webinar",
            "call",
        ),
        related=("teams-audio-headset", "onedrive-sync"),
        state="review",
    ),
    ArticleSpec(
        key="teams-audio-headset",
        unit="IT",
        title="Teams: no sound, or the headset or microphone does not work",
        summary="Choose the right device in Teams' settings, make a test call, and check "
        "Windows' privacy settings. How to get a company headset.",
        body=dedent("""\
        ## In the meeting
        1. Click **More (...) > Settings > Device settings** and pick your headset for both
           **Speaker** and **Microphone**. Teams sometimes picks the laptop or the dock's
           speaker instead.
        2. Check you are not muted in Teams and that the headset's own mute button (often on
           the cable or the microphone arm) is off.

        ## Before the next meeting
        1. Make a test call: **Settings > Devices > Make a test call**. You hear your own
           voice back.
        2. Windows may block the microphone: **Settings > Privacy & security > Microphone**,
           turn on access for apps and desktop apps.
        3. Bluetooth headsets: remove the pairing and pair again. A USB dongle, if the
           headset has one, works better than the laptop's Bluetooth.
        4. Unplug the headset from the dock and plug it into the laptop directly.
        5. Restart Teams completely (right-click the icon next to the clock > **Quit**).

        ## Others hear an echo
        Someone has speakers on; ask them to use a headset. In a meeting room, only one
        device in the room should be in the call with audio on.

        ## A new headset
        Company headsets are ordered with **New laptop or replacement** (tick *Headset*
        under *Anything else?*). A broken company headset is replaced without approval.
        """),
        keywords=(
            "teams",
            "audio",
            "sound",
            "speaker",
            "mic",
            "microphone",
            "earphones",
            "headphones",
            "bluetooth",
            "cannot hear",
            "echo",
            "call",
            "meeting",
        ),
        services=(_LAPTOP,),
        related=("teams-meeting-recording", "docking-station", "meeting-room-equipment"),
    ),
    ArticleSpec(
        key="onedrive-sync",
        unit="IT",
        title="OneDrive does not sync",
        summary="Red crosses, a spinning cloud icon or files 'pending': how to get OneDrive "
        "syncing again, and what not to keep in it.",
        body=dedent("""\
        Your **Desktop** and **Documents** folders are kept in OneDrive, so they are backed
        up and move with you to a new laptop. When syncing stops, files are only on the
        laptop.

        ## Read the icon
        The cloud icon next to the clock tells you what is wrong. Click it:
        - **Red cross or "sync problems"**: click *View sync problems*. Usually a file name
          with characters OneDrive refuses, a path that is too long, or a file open in
          another program.
        - **Paused**: click *Resume syncing*.
        - **Spinning for hours**: a large upload is running. Leave the laptop on and online.
        - **Grey cloud**: you are signed out. Click it and sign in.

        ## Try this
        1. Close Office files that are open, then check the icon again.
        2. Shorten very long folder paths, and rename files with `#`, `%` or a trailing
           space.
        3. Restart OneDrive: icon > **Settings (gear) > Quit OneDrive**, then start it from
           the Start menu.
        4. Free up space: right-click big folders > **Free up space**. A full disk stops
           syncing and makes the laptop slow.

        ## Do not sync
        Meeting recordings, virtual machines and large data exports belong on a shared
        drive or in a team's Files, not in your OneDrive.

        Nothing helps? File **Software installation or licence**, describe the problem and
        name OneDrive; we reset the sync remotely. A file you deleted by mistake can be
        restored from OneDrive's **Recycle bin** on the web for 93 days.
        """),
        keywords=(
            "sync",
            "syncing",
            "cloud",
            "files",
            "backup",
            "pending",
            "red cross",
            "documents",
            "desktop",
            "sharepoint",
            "upload",
        ),
        services=(_SOFTWARE,),
        related=("restore-deleted-file", "teams-meeting-recording"),
    ),
    ArticleSpec(
        key="software-install",
        unit="IT",
        title="Installing software: the Software Center and licence requests",
        summary="Most software installs itself from the Software Center without admin "
        "rights. Paid software needs a licence and your cost centre owner's approval.",
        body=dedent("""\
        ## Look in the Software Center first
        1. Open **Software Center** from the Start menu (on a Mac: **Self Service**).
        2. Search for the program, for example *Visio*, *Zoom* or *Power BI Desktop*.
        3. Click **Install**. No admin rights and no request needed; free software from the
           list installs right away.

        ## Licensed software
        Programs such as **Adobe Acrobat Pro**, **Visio** or **MATLAB** need a licence. The
        Software Center tells you so, or the program says *no licence available*.
        File **Software installation or licence** with:
        - the program and the edition you need;
        - the **cost centre** to book the licence on (four digits, your manager knows it).

        Your cost centre owner gets an approval request; we install and license it as soon
        as they approve, usually within **two working days**.

        ## Software that is not in the list
        We check new software for security and licensing before anyone installs it. Request
        it the same way and say what you need it for; the review can take up to **two
        weeks**. Please do not install programs downloaded from the internet: the laptop
        blocks most of them, and those that run are removed.

        ## A program crashes
        Reinstall it from the Software Center first. If it keeps crashing, file the same
        service as a problem, with the time of the crash.
        """),
        keywords=(
            "install",
            "program",
            "application",
            "app",
            "licence",
            "license",
            "admin rights",
            "administrator",
            "adobe",
            "visio",
            "zoom",
            "matlab",
            "power bi",
            "self service",
            "download",
        ),
        services=(_SOFTWARE,),
        related=("new-laptop-request", "outlook-search-not-working"),
    ),
    ArticleSpec(
        key="docking-station",
        unit="IT",
        title="Docking station: monitors stay black",
        summary="When the monitors, keyboard or network on your dock stop working, reset "
        "the dock, check the cable and update its firmware.",
        body=dedent("""\
        ## Try this first
        1. **Reset the dock:** unplug its power supply for ten seconds and plug it in again.
           Then reconnect the laptop.
        2. Use the dock's **USB-C/Thunderbolt cable** into the laptop's port with the
           lightning or display symbol; the other ports only charge.
        3. On the monitor, press the input button and pick **DisplayPort** or **HDMI**,
           whichever the cable uses.
        4. In Windows press **Windows + P** and choose **Extend**.
        5. Restart the laptop while it is on the dock.

        ## It worked yesterday
        After a Windows or driver update, docks often need new **firmware**. Open the
        **Software Center** and install *Dock firmware update* if it is offered, then reset
        the dock as above.

        ## Find out whether it is the dock
        Try a desk next to yours. If your laptop works there, the dock at your desk is
        faulty.

        ## Report it
        File **New laptop or replacement**, choose the problem *Docking station or
        monitors* and give the room or desk number (the sticker under the dock helps). We
        update it remotely or bring a spare dock, usually the same or next day.
        """),
        keywords=(
            "dock",
            "docking",
            "monitor",
            "screen",
            "display",
            "external monitor",
            "second screen",
            "black",
            "usb-c",
            "thunderbolt",
            "hdmi",
            "no signal",
        ),
        services=(_LAPTOP,),
        related=("new-laptop-request", "teams-audio-headset"),
    ),
    ArticleSpec(
        key="shared-folder-access",
        unit="IT",
        title="Access to a shared drive folder",
        summary="Access to team folders such as \\\\files\\finance is approved by the "
        "folder's owner. How to ask, and why it works only after signing in again.",
        body=dedent("""\
        Team folders on the shared drives (`\\\\files\\finance`, `\\\\files\\projects`,
        `\\\\files\\marketing` and others) are opened to groups, and every folder has an
        **owner**, usually the team lead, who decides who gets in.

        ## Ask for access
        File **Shared folder access** with:
        - the full path (copy it from the address bar of Explorer, or the one in the *access
          denied* message);
        - **read** or **read and write**;
        - for whom, if it is for a colleague.

        We send the owner an approval mail. Once they approve, access is ready within a
        working day.

        ## It still says "access denied"
        Group memberships are read when you sign in. **Sign out of Windows and in again**
        (on the VPN: disconnect and connect too). Locking the screen is not enough.

        ## You changed teams
        Your old team's folders are removed when you move, and the new team's owner
        approves the new ones. Ask your new lead to name the folders you need.

        ## Related
        - A folder is full: [shared drive full](article:shared-drive-full).
        - Something deleted: [restore a deleted file](article:restore-deleted-file).
        - Slow over the VPN: see [VPN connection keeps dropping](article:vpn-keeps-disconnecting).
        """),
        keywords=(
            "share",
            "network drive",
            "mapped drive",
            "folder",
            "permissions",
            "access denied",
            "permission denied",
            "files",
            "team drive",
            "s drive",
            "unc",
        ),
        services=("Shared folder access",),
        related=("shared-drive-full", "restore-deleted-file", "shared-mailbox"),
    ),
    ArticleSpec(
        key="fax-to-email",
        unit="IT",
        title="Sending and receiving faxes through the printers",
        summary="The fax-to-e-mail gateway was switched off; contracts are signed "
        "electronically instead. Kept for reference.",
        body=dedent("""\
        > **Archived.** The fax gateway was switched off at the end of last year. Contracts
        > and forms are now signed electronically; ask Legal for the signing tool.

        ## How it worked
        1. Faxes to the company's fax numbers arrived as PDF in the team's shared mailbox.
        2. To send, you chose **Fax** on a multifunction printer, typed the number with a
           leading `0` for an outside line, and scanned the pages.
        3. A transmission report went to the mailbox of whoever sent it.

        ## What to do now
        - Somebody insists on a fax: scan the document to e-mail (see
          [scan to e-mail](article:scan-to-email)) and send the PDF.
        - A supplier still faxes invoices: ask them to send PDFs to the accounts payable
          mailbox instead.
        - Old faxes from the shared mailboxes were kept; they are still in the folder
          *Fax archive* of each team mailbox.

        If a process of yours still depends on a fax, tell us with **Printer or scanner
        problem** and we look for a way with you.
        """),
        keywords=("fax", "facsimile", "telefax", "printer", "scan"),
        services=(_PRINTER,),
        related=("scan-to-email",),
        state="archived",
        review_in_days=-200,
    ),
    ArticleSpec(
        key="agent-unlock-account",
        unit="IT",
        title="How to unlock an account in the directory",
        summary="For desk agents: verify the caller, unlock the account, find the device "
        "that keeps locking it, and note what you did.",
        body=dedent("""\
        Internal: for the IT Service Desk.

        ## 1. Verify the caller first
        - In person: staff ID card.
        - By phone: call back on the mobile number in the HR system, never on a number the
          caller gives you. No call-back possible: ask them to come by.
        - Never unlock or reset for a third party ("my manager asked me to call").

        ## 2. Unlock
        1. Open **Active Directory Users and Computers** (or the *Identity* tab of the admin
           console), find the user by e-mail address.
        2. **Account** tab: tick *Unlock account*. Do not reset the password unless they
           have forgotten it.
        3. Ask the user to wait a minute (replication), then sign in.

        ## 3. It locks again
        1. In the lockout tool, search the user: the **caller computer** of event 4740 shows
           the source.
        2. An *ActiveSync* source is a phone or tablet with the old password; a computer name
           is a second laptop or a mapped drive with saved credentials.
        3. Tell the user which device, or revoke the device's sessions in the mail admin
           centre.

        ## 4. Record it
        Internal note: how identity was checked, the lockout source, what was removed.
        Resolve with a public reply that names the device, and link
        [account locked](article:account-locked) so they know what to do next time.

        Security team: escalate if the source is unknown or outside our networks.
        """),
        keywords=(
            "unlock",
            "lockout",
            "active directory",
            "identity check",
            "call back",
            "event 4740",
            "desk procedure",
        ),
        services=(_ACCOUNT,),
        audience="agents",
        related=("account-locked", "agent-mfa-reset"),
    ),
    ArticleSpec(
        key="agent-vpn-escalation",
        unit="IT",
        title="Escalating VPN gateway problems to Infrastructure",
        summary="For desk agents: what to rule out on the client side, what to collect, and "
        "when several users make it a major incident.",
        body=dedent("""\
        Internal: for the IT Service Desk. Infrastructure takes VPN tickets only when the
        client side has been ruled out. Their OLA starts when the ticket reaches them, so a
        complete handover saves everyone time.

        ## Rule out the client side
        - Client version current (Software Center pushes it); the old keep-alive bug causes
          most drops.
        - Profile reset and current (with the 443 fallback); cached gateway cleared.
        - Account in the VPN access group (check after department changes).
        - Machine certificate valid; renew it remotely if not.
        - Tested over the user's phone hotspot.

        ## Collect for the handover
        | What | Where |
        |---|---|
        | Username, client and version | Ticket / Help > About |
        | Time of the last failures | Gateway log |
        | Gateway and the error in the log | Gateway log |
        | Hotspot test result | Ask the user |
        | Other users affected | Search open tickets tagged *vpn* |

        Transfer to **IT Infrastructure** with a handover note such as: "Client current,
        profile fresh, account in group; sessions still end with keep-alive timeout on the
        Berlin gateway since Tuesday."

        ## Several users at once
        Three or more users with the same symptom since the same time: link the tickets,
        open a ticket on **Major incident line**, and post an announcement so others do not
        file. Check for firewall changes that day.

        See also [VPN keeps disconnecting](article:vpn-keeps-disconnecting).
        """),
        keywords=(
            "escalate",
            "handover",
            "transfer",
            "gateway log",
            "infrastructure",
            "second level",
            "major incident",
            "desk procedure",
        ),
        services=(_VPN, "Major incident line"),
        audience="agents",
        related=("vpn-keeps-disconnecting", "vpn-cannot-connect"),
        review_in_days=-30,
    ),
    ArticleSpec(
        key="agent-mfa-reset",
        unit="IT",
        title="Resetting MFA after an identity check",
        summary="For desk agents: when to reset MFA, how to check identity, and issuing a "
        "temporary access pass for a lost phone.",
        body=dedent("""\
        Internal: for the IT Service Desk. An MFA reset hands over the account: treat it
        like a password reset.

        ## Identity check (always)
        - In person with the **staff ID card**, or
        - a call-back to the mobile number in the **HR system**. If that number is the lost
          phone, the user must come in person or their manager confirms by video call.

        ## Reset
        1. In the identity admin centre open the user > **Authentication methods**.
        2. Delete the old phone's Authenticator entry (and its phone number if it is lost).
        3. Choose **Require re-register MFA**.
        4. The user signs in and registers the new phone at `aka.ms/mfasetup`.

        ## Lost or stolen phone
        1. Revoke all sessions and wipe the **work data** in device management (work profile
           only: never a full wipe of a private phone).
        2. No replacement yet: issue a **temporary access pass**, valid five days, and give
           it to the user in person or read it out on the call-back.

        ## Record it
        Internal note: how identity was checked, methods removed, TAP issued or not. Never
        write the TAP in the ticket.
        """),
        keywords=(
            "mfa reset",
            "authenticator",
            "temporary access pass",
            "tap",
            "identity check",
            "lost phone",
            "desk procedure",
        ),
        services=(_ACCOUNT,),
        audience="agents",
        related=("mfa-new-phone", "agent-unlock-account"),
    ),
)
