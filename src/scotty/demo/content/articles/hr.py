"""HR's articles: pay and payslips, leave and absence, contracts, joiners and leavers;
and one how-to for the payroll team."""

from textwrap import dedent

from scotty.demo.content.articles import ArticleSpec

_PAYSLIP = "Payslip question"
_LEAVE = "Leave and absence"
_CONTRACT = "Change to my contract"

HR_ARTICLES: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        key="payslip-where-to-find",
        unit="HR",
        title="Where to find your payslip",
        summary="Payslips are published in the employee portal a few days before payday. "
        "How to download one, get older ones, or a signed copy for a landlord or bank.",
        body=dedent("""\
        ## In the employee portal
        1. Open the **employee portal** from the intranet (outside the office: connect the
           VPN first, or use the portal app on your phone).
        2. Go to **My pay > Payslips**.
        3. Click the month to open the PDF, or **Download** to save it.

        Payslips appear around the **25th**; salary is paid on the **last working day** of
        the month. You get an e-mail when a new payslip is there.

        ## Older payslips
        The portal keeps all payslips since you joined. Annual tax statements are under
        **My pay > Tax documents** from February.

        ## Your payslip is missing
        Sometimes payslips are published a day late, especially after a change of cost
        centre or role. Wait one working day and look again. Still missing? File **Payslip
        question**, choose *A missing payslip* and the month; payroll publishes it.

        ## For a landlord, bank or authority
        The PDF from the portal is usually enough. If they want it signed, ask for a
        **signed paper copy** in the same request; for a confirmation of your job and salary
        see [certificate of employment](article:employment-certificate).

        Leavers keep access to the portal for a year after their last day.
        """),
        keywords=(
            "pay slip",
            "salary",
            "pay",
            "payroll",
            "wage",
            "statement",
            "pdf",
            "download",
            "employee portal",
            "missing",
            "tax statement",
            "net pay",
        ),
        services=(_PAYSLIP,),
        related=("payslip-something-wrong", "employment-certificate", "bank-details-change"),
    ),
    ArticleSpec(
        key="payslip-something-wrong",
        unit="HR",
        title="Something looks wrong on your payslip",
        summary="Overtime not paid, a wrong tax class or a deduction you do not recognise: "
        "what to check first, the cut-off dates, and how to ask payroll.",
        body=dedent("""\
        ## Check the cut-off dates first
        | What | Counted in this month's pay if |
        |---|---|
        | Overtime, on-call, shift allowances | Approved in the time system by the **25th** |
        | Bank details | Changed in the portal by the **15th** |
        | Expense claims | Approved by the **20th** (paid with the salary) |
        | Tax class changes | Received from the tax office (ELStAM) by the 20th |

        Overtime approved after the 25th is paid with **next month's** salary, and the
        payslip then shows it as a separate line.

        ## Tax class
        Tax classes come to us **electronically from the tax office**; we cannot change them
        ourselves. After a marriage or a change at the tax office, it can take a month to
        arrive. The difference is corrected with the next payroll, back-dated.

        ## A deduction you do not recognise
        Common ones: the company pension, the canteen, a job ticket, a salary advance. The
        line's text names it; the glossary on the last page of the payslip explains each.

        ## Ask payroll
        File **Payslip question**, choose the month and the topic and, if you like, attach
        the payslip (only HR sees it; black out what is not needed). Payroll answers within
        **three working days** and corrects it with the next payroll where needed.
        """),
        keywords=(
            "salary",
            "pay",
            "payroll",
            "wrong",
            "mistake",
            "incorrect",
            "overtime",
            "bonus",
            "tax class",
            "deduction",
            "missing money",
            "underpaid",
            "elstam",
        ),
        services=(_PAYSLIP,),
        related=("payslip-where-to-find", "bank-details-change"),
    ),
    ArticleSpec(
        key="leave-request",
        unit="HR",
        title="Requesting leave and checking your balance",
        summary="Book holiday in the employee portal; your manager approves it there. Your "
        "balance, half days, and what to do when the balance looks wrong.",
        body=dedent("""\
        ## Book it
        1. In the **employee portal** go to **Time off > Request**.
        2. Choose *Annual leave*, the dates (half days are possible) and send it.
        3. Your manager approves in the portal; you get an e-mail. Approved leave appears
           in your Outlook calendar overnight.

        Please agree longer holidays (more than two weeks) with your manager and team early,
        and set an automatic reply in Outlook before you go.

        ## Your balance
        **Time off > Balance** shows the days you have left this year, the days booked and
        those carried over. Most contracts have **28 days**; part-time colleagues have
        proportionally fewer. Days left at the end of the year can be
        [carried over until 31 March](article:leave-carry-over) with your manager's
        agreement.

        ## The balance looks wrong
        Your contract is what counts. A balance can be off after a contract change or when
        a calendar sync booked days twice. File **Leave and absence**, choose *My leave
        balance* and tell us the dates you were actually away; we correct it within two
        working days.

        Being ill is not leave: see [calling in sick](article:sick-leave).
        """),
        keywords=(
            "holiday",
            "holidays",
            "vacation",
            "annual leave",
            "pto",
            "days off",
            "time off",
            "absence",
            "balance",
            "book",
            "approve",
            "days left",
            "allowance",
        ),
        services=(_LEAVE,),
        related=("leave-carry-over", "sick-leave", "parental-leave"),
    ),
    ArticleSpec(
        key="leave-carry-over",
        unit="HR",
        title="Carrying over holiday into the new year",
        summary="Days you could not take can be carried over until 31 March with your "
        "manager's agreement; after that they lapse.",
        body=dedent("""\
        ## The rule
        Holiday is meant to be taken in the year. Days you could not take, because of a
        project or because you were ill, can be carried over **until 31 March** of the next
        year. Days not taken by then lapse, except where the law says otherwise (for example
        after a long illness or parental leave).

        ## How to carry days over
        1. Agree it with your manager; an e-mail is enough.
        2. File **Leave and absence**, choose *Carrying over holiday*, the number of days and
           attach or forward your manager's agreement.
        3. The days appear in the new year's balance as **carried over**. The portal uses
           them first when you book.

        ## Things to know
        - Carried-over days are not paid out, except when you leave the company.
        - Long illness: days you could not take because you were ill do not lapse on 31
          March; we look at your case individually.
        - After parental leave, your remaining days carry over to the year you come back.

        Question about how many days you have? See
        [requesting leave and checking your balance](article:leave-request).
        """),
        keywords=(
            "holiday",
            "vacation",
            "leave",
            "remaining days",
            "unused",
            "lapse",
            "expire",
            "next year",
            "31 march",
            "pto",
            "transfer",
        ),
        services=(_LEAVE,),
        related=("leave-request",),
        review_in_days=-45,
    ),
    ArticleSpec(
        key="sick-leave",
        unit="HR",
        title="Calling in sick",
        summary="Tell your manager before your working day starts; from the fourth day a "
        "doctor's certificate is needed. How it reaches HR in Germany and at the Lisbon Hub.",
        body=dedent("""\
        ## On the first day
        1. Tell your **manager** before your working day starts, by phone or message, and
           say roughly how long you expect to be away.
        2. Record it in the **employee portal** under **Time off > Sickness** (your manager
           can do it for you).
        3. Set an automatic reply in Outlook if you can, and cancel or hand over meetings
           that cannot wait.

        You do not have to tell anyone what is wrong.

        ## The doctor's certificate
        From the **fourth calendar day** of illness a certificate is needed (your manager
        may ask for it earlier).
        - **Germany, statutory health insurance:** the doctor reports it electronically; we
          fetch it from your insurer. You do not need to send anything, just tell us the
          doctor saw you.
        - **Private health insurance, or working at the Lisbon Hub:** upload the certificate
          in the portal under **Time off > Sickness > Documents**.

        ## Sick during your holiday
        Days covered by a doctor's certificate are not counted as holiday. File **Leave and
        absence**, choose *A sick note*, and we give the days back.

        ## A sick child
        Days to care for a sick child are recorded as *Child sick* in the same place; the
        certificate is the paediatrician's.

        Longer illness (more than six weeks) or coming back step by step: HR contacts you
        and explains the options.
        """),
        keywords=(
            "sick",
            "ill",
            "illness",
            "unwell",
            "doctor",
            "sick note",
            "medical",
            "certificate",
            "absence",
            "eau",
            "child sick",
            "call in sick",
        ),
        services=(_LEAVE,),
        related=("leave-request", "parental-leave"),
    ),
    ArticleSpec(
        key="parental-leave",
        unit="HR",
        title="Parental leave: applying and what to send when",
        summary="Apply in writing at least seven weeks before parental leave starts. How to "
        "split the months with your partner, and coming back part-time.",
        body=dedent("""\
        Congratulations! Here is what HR needs from you, and when.

        ## Before the birth
        - **Maternity protection**: tell HR and your manager as soon as you are comfortable,
          and send the doctor's certificate with the expected date. We take care of the
          maternity protection periods.
        - **Parental leave** (Elternzeit) must be requested **in writing at least seven
          weeks** before it starts. Use the form from HR; a signed scan is fine.

        ## Apply
        1. File **Leave and absence** and choose *Parental leave*. Give the start date and
           how long; we send you the form and our guide.
        2. Agree the dates with your manager (the request asks whether they agree).
        3. Return the signed form. We confirm in writing and inform payroll.

        ## Splitting with your partner
        You can take the months in up to three blocks, and you and your partner can take
        them at the same time or one after the other. Tell us each block with its dates.

        ## Part-time during or after parental leave
        You can work up to 32 hours a week during parental leave, or come back part-time
        afterwards: see [changing your hours](article:part-time-hours).

        Your leave balance carries over to the year you come back.
        """),
        keywords=(
            "maternity",
            "paternity",
            "elternzeit",
            "baby",
            "birth",
            "child",
            "family",
            "pregnant",
            "leave",
            "absence",
            "adoption",
        ),
        services=(_LEAVE,),
        related=("part-time-hours", "leave-carry-over"),
    ),
    ArticleSpec(
        key="bank-details-change",
        unit="HR",
        title="Changing the bank account your salary goes to",
        summary="Change your IBAN yourself in the employee portal; changes made by the 15th "
        "apply to that month's salary. HR never asks for bank details by e-mail.",
        body=dedent("""\
        ## Change it yourself
        1. In the **employee portal** go to **My details > Bank account**.
        2. Enter the new **IBAN** and the account holder's name (it must be yours).
        3. Confirm with the MFA prompt on your phone.
        4. You get a confirmation e-mail; your old bank account stays on file until payroll
           has switched.

        Changes made by the **15th** apply to that month's salary; later changes apply from
        the next month. Keep the old account open until the first salary arrives on the new
        one. Expense claims are paid to the same account with the salary.

        ## Watch out for fraud
        **HR never asks for bank details by e-mail or phone**, and we never change them on
        request by e-mail. An e-mail that asks you to "confirm your bank details" through a
        link is phishing: report it with the **Report phishing** button in Outlook.

        ## You cannot change it in the portal
        An account outside the SEPA area, or a portal error: file **Payslip question**,
        choose *Something else*, and we call you to take the details.
        """),
        keywords=(
            "iban",
            "bank",
            "account",
            "bank account",
            "salary",
            "pay",
            "payroll",
            "new bank",
            "details",
            "sepa",
        ),
        services=(_PAYSLIP,),
        related=("payslip-where-to-find",),
    ),
    ArticleSpec(
        key="onboarding-new-starter",
        unit="HR",
        title="Preparing for a new starter (for managers)",
        summary="Tell HR three weeks before the first day: one onboarding request covers "
        "the contract, laptop, accounts, badge and desk.",
        body=dedent("""\
        When someone joins your team, one request starts everything: contract documents, IT
        equipment and accounts, the badge and the desk. HR coordinates with IT and
        Facilities for you.

        ## Three weeks before the first day
        File **New starter (onboarding)** with:
        - the new colleague's name, job title and **first day**;
        - their manager and site (or *Remote*);
        - the **laptop** model (the ThinkPad T14 suits most roles) and the systems they
          need: SAP, Salesforce, the reporting platform, shared drives.

        Later requests are possible, but the laptop and accounts take about a week.

        ## What happens next
        | When | Who | What |
        |---|---|---|
        | Week 1 | HR | Contract sent for signature, onboarding checklist started |
        | Week 2 | IT | Laptop prepared, accounts created |
        | Week 2 | Facilities | Desk and badge prepared |
        | First Monday | HR | Welcome day |

        Extra equipment (a second monitor, a headset) goes into the same request.

        ## On the first day
        The new colleague collects the **laptop at the IT desk** and the **badge at
        reception** (with photo ID), then joins the welcome day. Plan a buddy for the first
        weeks and a lunch with the team.

        SAP roles need your approval: tell us whose roles to copy. See
        [signing in to SAP](article:sap-sign-in).
        """),
        keywords=(
            "onboarding",
            "new starter",
            "new hire",
            "new joiner",
            "joiner",
            "joins",
            "new team member",
            "new employee",
            "new colleague",
            "first day",
            "welcome day",
            "hiring",
            "laptop",
            "accounts",
            "manager",
        ),
        services=("New starter (onboarding)",),
        related=("new-laptop-request", "badge-lost", "leaver-checklist"),
    ),
    ArticleSpec(
        key="employment-certificate",
        unit="HR",
        title="Getting a certificate of employment",
        summary="A signed confirmation of your job, with or without salary, for a bank, "
        "landlord or authority: as PDF or on paper within five working days.",
        body=dedent("""\
        Banks, landlords, embassies and authorities often ask for a confirmation that you
        work here. HR issues it as a **signed certificate of employment**.

        ## Ask for it
        File **Employment certificate** and choose:
        1. **what it is for**: a bank or mortgage, a landlord, an authority or visa;
        2. the **language**: German or English;
        3. whether it should state your **salary**;
        4. **PDF by e-mail** or a **signed paper copy** by internal post;
        5. the date you need it by.

        It is ready within **five working days**, often sooner. Certificates that state your
        salary are signed by the HR manager and can take a day longer.

        ## What it says
        Your name, date of birth, job title, start date, whether your contract is
        permanent and not under notice, your weekly hours, and, if you asked, your gross
        annual salary.

        ## Not the same thing
        - Proof of income for a flat: often the last three
          [payslips](article:payslip-where-to-find) are enough.
        - A reference letter about your work (Arbeitszeugnis) is written when you leave or
          change role; ask your manager and HR.
        - A visa letter for a business trip comes from the
          [travel desk](article:visa-and-invitation-letters).
        """),
        keywords=(
            "certificate",
            "letter",
            "confirmation",
            "proof of employment",
            "employment letter",
            "bank",
            "landlord",
            "mortgage",
            "rental",
            "flat",
            "apartment",
            "authority",
            "employer confirmation",
        ),
        services=("Employment certificate",),
        related=("payslip-where-to-find",),
    ),
    ArticleSpec(
        key="working-from-abroad",
        unit="HR",
        title="Working temporarily from another country",
        summary="Up to 20 working days a year from another EU country with your manager's "
        "agreement and an A1 certificate; longer stays or countries outside the EU need HR.",
        body=dedent("""\
        Working for a while from another country, for example near family, is possible, but
        tax, social security and data protection rules apply.

        ## Up to 20 working days a year, within the EU
        1. Agree the dates with your manager.
        2. Tell HR **two weeks before**: file **Change to my contract**, choose *Another
           location*, and give the country, address and dates.
        3. We apply for an **A1 certificate** (proof of German social security) for you.
           Carry it with you while you work there.
        4. Connect through the VPN as at home; all security rules apply.

        ## Longer, or outside the EU
        More than 20 working days a year, or any country outside the EU, Switzerland, Norway
        and the UK: HR checks tax and work permit questions first, which takes about **four
        weeks**. Some countries are not possible at all for data protection reasons.

        ## Not covered
        - A **business trip** abroad is booked with the
          [travel desk](article:book-business-trip), not here.
        - Working abroad is not holiday: book your leave days as usual.

        ## Things to know
        - Company laptops may not be taken to countries under sanctions.
        - Tell us if plans change, so the A1 certificate matches.
        """),
        keywords=(
            "abroad",
            "remote",
            "another country",
            "workation",
            "work from abroad",
            "overseas",
            "eu",
            "a1",
            "a1 certificate",
            "home office",
            "holiday",
            "foreign",
            "spain",
            "portugal",
            "italy",
            "france",
            "weeks",
            "family",
        ),
        services=(_CONTRACT,),
        related=("book-business-trip", "leave-request"),
        review_in_days=30,
    ),
    ArticleSpec(
        key="part-time-hours",
        unit="HR",
        title="Changing your hours or going part-time",
        summary="Agree the new hours with your manager, then ask HR for a contract amendment "
        "at least two weeks before the change.",
        body=dedent("""\
        ## How it works
        1. Talk to your **manager** about the hours and how the work is shared in the team.
        2. File **Change to my contract**, choose *Fewer hours (part-time)* or *More hours*,
           the date from which it applies and the hours a week.
        3. HR sends you a **contract amendment** to sign, at least two weeks before the
           change. Payroll and the time system are updated for you.

        ## What changes
        - Your salary and holiday change in proportion to your hours: 30 hours a week out of
          40 gives 75% of the salary and of 28 holiday days (21).
        - Overtime is counted from your new weekly hours.
        - Company pension and benefits continue.

        ## After parental leave
        You can come back part-time; request it together with the end date of your parental
        leave. See [parental leave](article:parental-leave).

        ## Sabbatical
        A sabbatical (unpaid leave for one to six months) is requested in the same service:
        choose *Sabbatical*.
        """),
        keywords=(
            "part-time",
            "part time",
            "hours",
            "reduce hours",
            "fewer hours",
            "working hours",
            "contract",
            "amendment",
            "sabbatical",
            "4 day week",
        ),
        services=(_CONTRACT,),
        related=("parental-leave",),
    ),
    ArticleSpec(
        key="leaver-checklist",
        unit="HR",
        title="When someone in your team leaves (for managers)",
        summary="Tell HR as soon as a leaving date is known. The leaver checklist covers "
        "the exit interview, remaining holiday, equipment and account closure.",
        body=dedent("""\
        ## Tell HR
        Forward the resignation to HR as soon as the leaving date is known, or file
        **Change to my contract** and write *leaving* with the last working day. We start
        the **leaver checklist**.

        ## What happens
        - HR invites the colleague to an **exit interview** and writes the reference letter.
        - Remaining holiday: agree with the colleague to take it before the last day; days
          that cannot be taken are paid out.
        - On the **last day**: laptop, phone, badge and corporate card are handed in at the
          IT desk and reception. Please remind them.
        - The account is closed on the last working day at **18:00**. Mail to them gets an
          automatic reply; ask the desk to forward it to you for up to three months.

        ## Before they go
        - Move team files out of their OneDrive to a shared drive or a team.
        - Hand over shared mailboxes, SAP approvals and cost centres they own.
        - Expense claims: ask them to file their last claim before they leave.
        """),
        keywords=(
            "leaver",
            "leaving",
            "offboarding",
            "resignation",
            "last day",
            "exit",
            "notice",
            "quit",
            "goodbye",
        ),
        services=(_CONTRACT,),
        related=("onboarding-new-starter",),
        state="draft",
    ),
    ArticleSpec(
        key="agent-payroll-corrections",
        unit="HR",
        title="Payroll corrections: cut-off dates and how to book them",
        summary="For HR and payroll: what can still go into this month's payroll, what is "
        "booked as a correction next month, and what to tell the employee.",
        body=dedent("""\
        Internal: for HR and the payroll team.

        ## Cut-off dates
        | Change | Cut-off | After the cut-off |
        |---|---|---|
        | Overtime and allowances | 25th | Next month, separate line |
        | Bank details | 15th | Next month |
        | Expense reimbursements (from Finance) | 20th | Next month |
        | Joiners and leavers | 20th | Off-cycle payment if the joiner would be unpaid |

        ## Booking a correction
        1. Check the source: the time system for overtime, ELStAM data for tax classes, the
           contract file for holiday and hours.
        2. Enter the correction in the payroll provider's portal with the original month as
           *reference period*, so it is taxed in the right month.
        3. Off-cycle payments only with the HR manager's approval (over 500 EUR or for a
           joiner without pay).

        ## Telling the employee
        Name the month the correction comes with and how it shows on the payslip. Never put
        salary figures of other people in a ticket; attach payslips only as internal files.
        """),
        keywords=("payroll", "correction", "cut-off", "off-cycle", "elstam", "desk procedure"),
        services=(_PAYSLIP,),
        audience="agents",
        related=("payslip-something-wrong",),
    ),
)
