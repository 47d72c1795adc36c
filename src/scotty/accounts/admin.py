from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from scotty.accounts.models import Department, Location, Person, SupportUnit, UnitMembership


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = UnitMembership
    extra = 0


@admin.register(Person)
class PersonAdmin(UserAdmin):  # type: ignore[type-arg]
    ordering = ("full_name",)
    list_display = ("full_name", "email", "department", "is_active", "is_superuser")
    search_fields = ("full_name", "email")
    list_filter = ("is_active", "is_superuser", "department")
    inlines = (MembershipInline,)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            "Person",
            {"fields": ("full_name", "job_title", "phone", "department", "location", "language")},
        ),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = ((None, {"fields": ("email", "full_name", "password1", "password2")}),)


@admin.register(SupportUnit)
class SupportUnitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "prefix", "is_front_line", "reopen_window_days")
    readonly_fields = ("last_number",)


admin.site.register(Department)
admin.site.register(Location)
