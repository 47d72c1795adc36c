"""Words that mean the same to the people who ask and the desk that answers: a search
for one finds articles that use another ("cannot get email on my phone" finds the
article about work mail on an iPhone). Single lowercase ASCII words; every group is
widened both ways, so a group holds only words a requester would swap for each other.
Plural and -ed/-ing forms are left to the stemmer, except where it does not merge them
("printing" becomes "print", never "printer").

Left out on purpose, because they have two senses in a desk's world:

- "card": an access badge and a corporate credit card. In neither group; articles
  carry it as a keyword where it belongs.
- "visa": a travel visa and a card brand. Only in the travel group.
- "certificate": the VPN's machine certificate, a browser's certificate warning, a
  certificate of employment and a doctor's sick note. No group.
- "bill": a restaurant bill (a receipt) and a supplier's bill (an invoice). No group.
- "bin" and "trash": a rubbish bin and the recycle bin of a deleted file.
- "pay": salary, and paying for things (cards, invoices). Not in the payslip group.
- "access", "account", "app", "drive", "application", "report", "move", "drop" as
  single words: each has several everyday senses (remote access and badge access; a
  user account and a bank account ...). Their narrower words are grouped instead.
- "freezing": the stemmer makes it "freez", which is also what "freezes" (a program
  that hangs) becomes.
- "db", "ice" and "hub": short words that mean something else here (a database, a
  train, a USB hub).

Written against the demo's articles and the questions people type
(`demo.content.articles`); an organisation's own words belong here too.
"""

SYNONYMS: tuple[tuple[str, ...], ...] = (
    # Mail, phones and computers
    ("email", "mail", "outlook", "inbox", "mailbox"),
    ("phone", "mobile", "smartphone", "iphone", "android", "cellphone"),
    ("laptop", "notebook", "computer", "pc", "thinkpad", "macbook"),
    ("monitor", "screen", "display"),
    ("projector", "beamer"),
    ("headset", "headphones", "earphones", "earbuds", "airpods"),
    ("microphone", "mic"),
    ("sound", "audio"),
    # Accounts and sign-in
    ("password", "passcode", "passwort", "passphrase", "credentials"),
    ("login", "logon", "signin"),
    ("locked", "lockout", "unlock"),
    ("mfa", "2fa", "authenticator", "otp", "twofactor", "multifactor"),
    # Network, VPN and wi-fi
    ("vpn", "globalprotect", "anyconnect", "forticlient", "tunnel"),
    ("wifi", "wireless", "wlan"),
    ("network", "internet", "lan", "ethernet"),
    ("cable", "wire", "cord"),
    ("disconnect", "disconnects", "disconnecting", "drops", "dropping", "dropout"),
    ("slow", "sluggish", "laggy"),
    ("crash", "crashes", "crashing", "hangs", "unresponsive"),
    ("ssl", "tls", "https"),
    # Printing, files and software
    ("print", "printer", "printing", "copier", "mfp"),
    ("scan", "scanner", "scanning"),
    ("toner", "cartridge", "ink"),
    ("sync", "synchronise", "synchronize", "syncing"),
    ("restore", "recover", "undelete", "retrieve"),
    ("backup", "snapshot"),
    ("permission", "permissions", "authorisation", "authorization"),
    ("software", "program", "programme"),
    ("licence", "license"),
    ("sap", "erp", "s4hana", "fiori"),
    ("crm", "salesforce", "sfdc"),
    ("dashboard", "bi", "powerbi", "kpi"),
    # Pay, leave and contracts
    ("payslip", "payroll", "salary", "wage", "wages", "paycheck", "paystub"),
    ("leave", "holiday", "holidays", "vacation", "pto"),
    ("sick", "ill", "illness", "unwell", "sickness", "sicknote"),
    ("doctor", "physician", "gp"),
    ("parental", "maternity", "paternity", "elternzeit"),
    ("baby", "newborn"),
    ("iban", "bank"),
    ("onboarding", "joiner", "starter", "newcomer", "hire"),
    ("offboarding", "leaver", "resignation", "resign"),
    ("abroad", "overseas", "foreign", "international"),
    ("manager", "boss", "supervisor"),
    ("wfh", "homeoffice", "remote"),
    # Buildings and workplaces
    ("badge", "pass", "keycard", "fob"),
    ("visitor", "visitors", "guest", "guests"),
    ("desk", "workplace", "hotdesk"),
    ("relocation", "relocate", "move"),
    ("heating", "heater", "radiator"),
    ("cold", "chilly"),
    ("hot", "warm", "boiling"),
    ("aircon", "ac", "hvac", "conditioning", "cooling"),
    ("light", "lamp", "lighting", "bulb"),
    ("cleaning", "cleaner", "dirty", "mess", "spill", "spilled", "spilt"),
    ("rubbish", "garbage", "waste", "litter"),
    ("broken", "damaged", "defective", "faulty", "kaputt"),
    ("parking", "carpark", "garage"),
    ("centre", "center"),
    # Money
    ("expense", "expenses", "reimbursement", "reimburse", "claim"),
    ("taxi", "cab", "uber"),
    ("invoice", "invoices"),
    ("supplier", "vendor"),
    ("po", "purchase", "purchasing", "procurement"),
    ("mileage", "kilometres", "kilometers", "km", "kms", "miles"),
    ("diem", "perdiem", "subsistence"),
    ("advance", "prepayment", "upfront"),
    ("stolen", "theft", "lost"),
    # Travel
    ("trip", "journey", "travel"),
    ("flight", "fly", "flights", "airline", "airplane", "aeroplane"),
    ("train", "rail", "railway", "bahn"),
    ("hotel", "accommodation", "lodging", "airbnb"),
    ("book", "booking", "reserve", "reservation"),
    ("visa", "esta", "evisa"),
    ("insurance", "insured", "insure"),
    ("car", "vehicle"),
)
