"""Phrases every unit uses: greetings, sign-offs, the requester's thanks and complaints."""

GREETINGS = ("Hi {first},", "Hello {first},", "Good morning {first},", "Dear {first},")

AGENT_SIGN_OFFS = (
    "Best regards,\n{agent}\n{unit}",
    "Kind regards,\n{agent} ({unit})",
    "Thanks,\n{agent}",
    "Cheers,\n{agent}\n{unit}",
)

REQUESTER_SIGN_OFFS = (
    "Thanks,\n{first}",
    "Thank you!\n{first}",
    "Best,\n{first}",
    "Regards,\n{first}",
    "Thanks a lot\n{first}",
)

# Added to descriptions that arrive by e-mail: people's mail signatures.
EMAIL_SIGNATURE = "\n\n--\n{requester}\n{job_title} | {department}\n{phone}"

# Descriptions of calls and walk-ins are written by the agent who took them.
PHONE_PREFIXES = (
    "{requester} called the desk. In their words:\n\n",
    "Logged from a phone call with {requester}:\n\n",
    "Call from {requester} ({department}):\n\n",
)
WALK_IN_PREFIXES = (
    "{requester} came by the desk on {site}, floor {floor}:\n\n",
    "Walk-in. {requester} stopped at the desk and explained:\n\n",
)

# The requester's reply after being told it is fixed, or when it is not.
THANKS = (
    "Works again, thank you so much!",
    "Perfect, that did it. Thanks for the quick help.",
    "Confirmed, all good now.",
    "Great, thanks for sorting this out so quickly.",
)
STILL_BROKEN = (
    "Sorry, it happened again this morning, same as before.",
    "Unfortunately it is not fixed: I get the same problem since yesterday afternoon.",
    "It worked for a day but now it is back. Could you have another look?",
)
REOPEN_NOTES = (
    "Requester reports the problem is back. Looking again; previous fix may only have "
    "treated the symptom.",
    "Reopened by the requester. Checking whether something changed since the fix.",
)

# Replies that close the loop on a resolution.
RESOLVED_REPLIES = (
    "I have done the following: {resolution}\n\nCould you check on your side? If anything "
    "is still wrong, just reply to this message within a week and the ticket reopens.",
    "Good news: {resolution}\n\nPlease let us know if it is not working as expected.",
    "{resolution}\n\nI am marking this as resolved. Reply here if you still see the problem.",
)

# A chaser when the requester has not answered yet (written by the desk).
REMINDERS = (
    "Just checking in: could you send us the information above when you have a moment? "
    "We will keep the ticket open until then.",
    "A gentle reminder about our question below. Without it we cannot continue.",
)

# The requester asks after a ticket the desk has not answered yet (the last word is theirs).
REQUESTER_CHASERS = (
    "Is there any news on this? It is starting to hold up my work.",
    "Just following up: could someone tell me where this stands?",
    "Any update? I need this sorted before the end of the week if at all possible.",
)

# Vendor or other team involvement, any unit.
THIRD_PARTY_NOTES = (
    "Opened case {case} with the supplier; they promised an answer within two working days.",
    "Escalated to the vendor's support as case {case}. Waiting for their engineer.",
    "Supplier acknowledged case {case}. They need to check on their side first.",
)
THIRD_PARTY_REPLIES = (
    "We have passed this on to our supplier (reference {case}) and are waiting for their "
    "answer. We will update you as soon as we hear back.",
    "This needs the vendor's help. Their reference is {case}; we are following it up.",
)
BACK_FROM_THIRD_PARTY = (
    "Supplier came back on case {case} with a fix; applying it now.",
    "Vendor answered case {case}: known issue, workaround provided. Continuing here.",
)
