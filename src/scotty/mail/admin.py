"""Django admin for the operator: Scotty's addresses (the desk's settings pages are the
product's way; this is the fallback), and the received messages, read only."""

from django.contrib import admin

from scotty.mail.models import InboundMessage, MailAddress


@admin.register(MailAddress)
class MailAddressAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("address", "unit", "service", "is_active")
    list_filter = ("unit", "is_active")
    search_fields = ("address",)


@admin.register(InboundMessage)
class InboundMessageAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Received mail is evidence: it is read here, never changed."""

    list_display = ("received_at", "sender", "subject", "state", "outcome")
    list_filter = ("state", "source")
    search_fields = ("sender", "subject", "message_id")
    exclude = ("raw",)

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
