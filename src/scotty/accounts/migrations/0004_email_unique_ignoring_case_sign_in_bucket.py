import django.db.models.functions.text
import scotty.accounts.email_address
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_emails_in_lower_case")]

    operations = [
        migrations.AlterField(
            model_name="person",
            name="email",
            field=scotty.accounts.email_address.EmailAddressField(
                error_messages={"unique": "An account with this e-mail address already exists."},
                max_length=254,
                unique=True,
            ),
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                name="person_email_unique_ignoring_case",
                violation_error_message="An account with this e-mail address already exists.",
            ),
        ),
        migrations.CreateModel(
            name="SignInBucket",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("address", models.CharField(max_length=64, unique=True)),
                ("tokens", models.FloatField()),
                ("counted_at", models.DateTimeField()),
                ("held_since", models.DateTimeField(blank=True, null=True)),
                ("held_until", models.DateTimeField(blank=True, db_index=True, null=True)),
                ("refused", models.PositiveIntegerField(default=0)),
            ],
        ),
    ]
