"""Store every person's e-mail address in lower case (sign-in and pickers compare it so).

Two accounts whose addresses differ only in case cannot both keep them: the migration
stops, names them, and changes nothing, so an operator can merge or rename one (in
Django's admin) before migrating again.
"""

from collections import defaultdict

from django.db import migrations


def lower_case_emails(apps, schema_editor):  # type: ignore[no-untyped-def]
    Person = apps.get_model("accounts", "Person")
    by_address = defaultdict(list)
    for pk, email in Person.objects.values_list("pk", "email"):
        by_address[email.strip().lower()].append(email)
    clashes = {address: spellings for address, spellings in by_address.items() if len(spellings) > 1}
    if clashes:
        listed = "; ".join(" and ".join(sorted(s)) for s in clashes.values())
        raise RuntimeError(
            "Cannot store e-mail addresses in lower case: these accounts differ only in "
            f"case: {listed}. Give one of each pair another address (or deactivate and "
            "rename it) in the admin, then run the migration again. Nothing was changed."
        )
    for pk, email in Person.objects.values_list("pk", "email"):
        if email != email.strip().lower():
            Person.objects.filter(pk=pk).update(email=email.strip().lower())


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_unit_settings_version")]

    operations = [migrations.RunPython(lower_case_emails, migrations.RunPython.noop)]
