"""The safety screen: red flags and pain -> a referral, or a caution level for the plan.

Urgency tiers follow NHS-style back-pain pages (see `nhs_backpain` in sources.toml): symptoms
that need emergency care now, symptoms that need a doctor urgently (same or next day), and
severe pain alone, which needs a GP or physiotherapist soon but is not an emergency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Urgency = Literal["emergency", "urgent", "routine"]
URGENCIES: tuple[Urgency, ...] = ("emergency", "urgent", "routine")
# How each tier reads in the plan and on the page.
URGENCY_LABELS: dict[str, str] = {
    "emergency": "Emergency: get medical help now.",
    "urgent": "Urgent: see a doctor today or within a day.",
    "routine": "Soon: see a GP or physiotherapist before you start training.",
}

REFER_PAIN = 7  # pain at rest at or above this -> referral
CAUTION_PAIN = 4  # pain at rest from this up to REFER_PAIN - 1 -> caution plan


@dataclass(frozen=True, slots=True)
class RedFlag:
    """One yes/no question of the safety screen."""

    id: str
    question: str
    urgency: Urgency
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "question": self.question,
            "urgency": self.urgency,
            "reason": self.reason,
        }


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "saddle_numbness",
        "Do you have numbness or tingling around your genitals, buttocks or inner thighs "
        "(where you would sit on a saddle)?",
        "emergency",
        "You have numbness around your genitals or buttocks. With back pain this is an "
        "emergency warning sign of pressure on the nerves at the bottom of the spine.",
    ),
    RedFlag(
        "bladder_bowel_change",
        "Have you recently had difficulty passing urine, or lost control of your bladder "
        "or bowels?",
        "emergency",
        "You have a new problem passing urine or controlling your bladder or bowels. With back "
        "pain this is an emergency warning sign.",
    ),
    RedFlag(
        "both_legs",
        "Do you have pain, numbness, tingling or weakness in both legs?",
        "emergency",
        "You have symptoms in both legs. With back pain this is an emergency warning sign.",
    ),
    RedFlag(
        "major_trauma",
        "Did your back pain start after a serious accident, such as a car crash or a bad fall?",
        "emergency",
        "Your back pain started after a serious accident, which needs checking for an injury "
        "to the spine before any exercise.",
    ),
    RedFlag(
        "chest_pain",
        "Do you have chest pain, or pain that spreads from your chest or upper back?",
        "emergency",
        "You have chest pain. Chest pain needs emergency assessment, and pain in the upper back "
        "can come from the heart or lungs.",
    ),
    RedFlag(
        "progressive_weakness",
        "Is one leg getting weaker over days or weeks (for example your foot drags or slaps, "
        "or you trip more)?",
        "urgent",
        "One of your legs is getting weaker. Weakness that is getting worse needs a doctor to "
        "check the nerves soon.",
    ),
    RedFlag(
        "fever_or_unwell",
        "Do you have a high temperature, or feel hot, shivery or generally unwell, along with "
        "your back pain?",
        "urgent",
        "You have a fever or feel unwell along with back pain, which a doctor should check soon.",
    ),
    RedFlag(
        "weight_loss",
        "Have you lost weight recently without trying?",
        "urgent",
        "You have lost weight without trying, which a doctor should check soon.",
    ),
    RedFlag(
        "night_pain",
        "Is your back pain worse at night, or not eased at all by rest or changing position?",
        "urgent",
        "Your back pain is worse at night or not eased by rest, which a doctor should check soon.",
    ),
    RedFlag(
        "cancer_history",
        "Have you ever had cancer?",
        "urgent",
        "You have had cancer. Clinicians treat new back pain after cancer as a red flag, so see "
        "a doctor before you start.",
    ),
)

RED_FLAG_IDS: tuple[str, ...] = tuple(flag.id for flag in RED_FLAGS)
_BY_ID = {flag.id: flag for flag in RED_FLAGS}

SEE: dict[Urgency, str] = {
    "emergency": (
        "Get emergency help now: call your local emergency number (999 in the UK, 112 in the "
        "EU, 911 in the US) or go to an emergency department. Do not exercise until you have "
        "been checked."
    ),
    "urgent": (
        "See a doctor urgently, today or within a day (in the UK: an urgent GP appointment or "
        "NHS 111), and do not start this plan until a doctor says exercise is fine."
    ),
    "routine": (
        "See a GP or a physiotherapist soon, before starting this plan."
        " Severe pain on its own is not an emergency; get help sooner if any of the warning "
        "signs in the safety questions appear."
    ),
}


@dataclass(frozen=True, slots=True)
class Referral:
    urgency: Urgency
    see: str
    reasons: tuple[str, ...]


def screen(red_flags: Iterable[str], pain: int) -> Referral | None:
    """A referral when any red flag is given or pain >= 7; None when training can go ahead."""
    flags = [_BY_ID[f] for f in RED_FLAG_IDS if f in set(red_flags)]
    reasons = [flag.reason for flag in flags]
    tiers: list[Urgency] = [flag.urgency for flag in flags]
    if pain >= REFER_PAIN:
        reasons.append(
            f"Your back pain at rest is {pain} out of 10. Pain that strong should be assessed "
            "before you start a training plan."
        )
        tiers.append("routine")
    if not tiers:
        return None
    urgency = min(tiers, key=URGENCIES.index)
    reasons.append(
        "This planner cannot tell what is causing your symptoms. Once a professional has "
        "checked you and says exercise is fine, come back and plan again."
    )
    return Referral(urgency=urgency, see=SEE[urgency], reasons=tuple(reasons))


def caution(pain: int) -> bool:
    """Pain 4-6 at rest: easier variants, more holds, lower volume, strict stop rules."""
    return CAUTION_PAIN <= pain < REFER_PAIN


def stop_rules(pain: int) -> list[str]:
    """Plain stop rules for every plan; stricter ones when training with some pain."""
    rules = [
        "Stop at once and get emergency help if you get chest pain, feel faint or dizzy, or are "
        "short of breath out of proportion to the effort.",
        "Stop the session if you get new numbness or tingling, or pain spreading down a leg, and "
        "see a doctor or physiotherapist before training again.",
        "Some muscle soreness and mild discomfort are normal and not a sign of harm. Stop an "
        "exercise if it makes your back pain clearly worse than when you started, or if the pain "
        "is still worse the next morning; use the easier version next time (common practice).",
        "If any of the safety-question warning signs appear, stop the plan and see a doctor.",
    ]
    if caution(pain):
        rules.insert(
            0,
            f"You rated your back pain at rest {pain} out of 10, so this plan uses easier "
            "versions, holds rather than fast repetitions, and fewer sets. Keep every set well "
            "short of your limit (two or three more reps, or several more seconds, left in the "
            "tank).",
        )
        rules.insert(
            1,
            "Check your pain before each session: if it is 7 or more, or higher than it was "
            "when you made this plan, rest that day, and see a GP or physiotherapist if it does "
            "not settle.",
        )
    return rules
