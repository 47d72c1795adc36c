"""Partial queue indexes that SQLite uses, with its statistics present or not.

SQLite's planner counts the WHERE terms an index's columns serve. `q_unit_unassigned`
(working_unit, priority, id) and `q_handed_off` (owning_unit, priority, id) serve one
term fewer than q_unit_open / q_owner_open, whose (unit, is_open) they are inside, so it
priced them as dear and read every open ticket of the unit to count a few hundred (the
"handed to other units" count on every desk page: 2-17 ms at 100k tickets, against
0.03 ms). With is_open (implied by their condition) as their second column they serve
the same terms and win on size. The capped counts of "Waiting" and "Handed to other
units" read these indexes alone: the status and the working unit are their last column.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tickets", "0009_needs_action_indexes")]

    operations = [
        migrations.RemoveIndex(model_name="ticket", name="q_unit_unassigned"),
        migrations.AddIndex(
            model_name="ticket",
            index=models.Index(
                condition=models.Q(("assignee__isnull", True), ("is_open", True)),
                fields=["working_unit", "is_open", "priority", "id"],
                name="q_unit_unassigned",
            ),
        ),
        migrations.RemoveIndex(model_name="ticket", name="q_handed_off"),
        migrations.AddIndex(
            model_name="ticket",
            index=models.Index(
                condition=models.Q(
                    ("is_open", True),
                    models.Q(("working_unit", models.F("owning_unit")), _negated=True),
                ),
                fields=["owning_unit", "is_open", "priority", "id", "working_unit"],
                name="q_handed_off",
            ),
        ),
        migrations.RemoveIndex(model_name="ticket", name="q_unit_waiting"),
        migrations.AddIndex(
            model_name="ticket",
            index=models.Index(
                condition=models.Q(("status__in", ["waiting_requester", "waiting_third_party"])),
                fields=["working_unit", "is_open", "priority", "id", "status"],
                name="q_unit_waiting",
            ),
        ),
    ]
