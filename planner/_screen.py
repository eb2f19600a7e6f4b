"""The safety screen: red flags and pain -> a referral, or a caution level for the plan.

Each question is graded as the guidance it cites grades it (keys in sources.toml): the NHS's
back-pain page for what needs 999 or A&E and what needs an urgent GP appointment or NHS 111;
NICE Clinical Knowledge Summaries for the clinicians' red flags of cancer, infection, fracture
and nerve damage; NICE NG65 for the inflammatory pattern; a case series of young athletes for
one-sided extension pain. Severe pain alone needs a GP or physiotherapist soon but is not an
emergency. docs/safety/red-flags.md lists the same ids and tiers (a test keeps them equal).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

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
    """One yes/no question of the safety screen, graded as the guidance it cites grades it."""

    id: str
    question: str
    urgency: Urgency
    reason: str
    see: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "urgency": self.urgency,
            "reason": self.reason,
            "see": self.see,
            "sources": list(self.sources),
        }


_NHS = ("nhs_backpain",)
_CES = ("nhs_backpain", "nhs_caudaequina")
_CKS = ("nice_cks_lbp",)
_SEE_EMERGENCY = "An emergency department, now (call 999 in the UK, 112 in the EU, 911 in the US)."
_SEE_URGENT = "A doctor today or within a day: an urgent GP appointment, or NHS 111 in the UK."

RED_FLAGS: tuple[RedFlag, ...] = (
    # Emergency: the NHS says call 999 or go to A&E (nhs_backpain); sexual dysfunction is one of
    # the cauda equina warning signs NHS hospitals tell people to go to A&E with (nhs_caudaequina).
    RedFlag(
        "saddle_numbness",
        "Do you have numbness or tingling around your genitals, buttocks or inner thighs "
        "(where you would sit on a saddle)?",
        "emergency",
        "You have numbness around your genitals or buttocks. With back pain this is an "
        "emergency warning sign of pressure on the nerves at the bottom of the spine.",
        _SEE_EMERGENCY,
        _CES,
    ),
    RedFlag(
        "bladder_bowel_change",
        "Have you recently had difficulty passing urine, or lost control of your bladder "
        "or bowels?",
        "emergency",
        "You have a new problem passing urine or controlling your bladder or bowels. With back "
        "pain this is an emergency warning sign.",
        _SEE_EMERGENCY,
        _CES,
    ),
    RedFlag(
        "sexual_dysfunction",
        "Since your back pain began, have you lost feeling in your genitals during sex, or "
        "newly had trouble getting an erection or ejaculating?",
        "emergency",
        "You have a new change in sexual function or feeling. With back pain, and above all "
        "with numbness or bladder or bowel changes, this is a warning sign of pressure on the "
        "nerves at the bottom of the spine (cauda equina syndrome).",
        _SEE_EMERGENCY,
        _CES,
    ),
    RedFlag(
        "both_legs",
        "Do you have pain, numbness, tingling or weakness in both legs?",
        "emergency",
        "You have symptoms in both legs. With back pain this is an emergency warning sign.",
        _SEE_EMERGENCY,
        _NHS,
    ),
    RedFlag(
        "major_trauma",
        "Did your back pain start after a serious accident, such as a car crash or a bad fall?",
        "emergency",
        "Your back pain started after a serious accident, which needs checking for an injury "
        "to the spine before any exercise.",
        _SEE_EMERGENCY,
        _NHS,
    ),
    RedFlag(
        "chest_pain",
        "Do you have chest pain, or pain that spreads from your chest to your upper back?",
        "emergency",
        "You have chest pain. Chest pain needs emergency assessment, and pain in the upper back "
        "can come from the heart or lungs.",
        _SEE_EMERGENCY,
        _NHS,
    ),
    # Urgent: the NHS says ask for an urgent GP appointment or call 111 (nhs_backpain); NICE CKS
    # lists the others among the signs of cancer, infection, fracture or nerve damage.
    RedFlag(
        "fever_or_unwell",
        "Do you have a high temperature, or feel hot, shivery or generally unwell, along with "
        "your back pain?",
        "urgent",
        "You have a fever or feel unwell along with back pain, which a doctor should check soon.",
        _SEE_URGENT,
        _NHS,
    ),
    RedFlag(
        "weight_loss",
        "Have you lost weight recently without trying?",
        "urgent",
        "You have lost weight without trying, which a doctor should check soon.",
        _SEE_URGENT,
        _NHS,
    ),
    RedFlag(
        "night_pain",
        "Is your back pain worse at night, or not eased at all by rest or changing position?",
        "urgent",
        "Your back pain is worse at night or not eased by rest, which a doctor should check soon.",
        _SEE_URGENT,
        _NHS,
    ),
    RedFlag(
        "back_shape_change",
        "Is there a new lump or swelling on your back, or has your back changed shape?",
        "urgent",
        "You have a new lump or swelling, or a change in the shape of your back, which a doctor "
        "should check soon.",
        _SEE_URGENT,
        _NHS,
    ),
    RedFlag(
        "cough_sneeze_pain",
        "Is your back pain made worse when you cough, sneeze or strain on the toilet?",
        "urgent",
        "Your back pain gets worse when you cough, sneeze or strain, which the NHS says a doctor "
        "should check soon.",
        _SEE_URGENT,
        _NHS,
    ),
    RedFlag(
        "thoracic_pain",
        "Is your pain in the upper back, between or around the shoulder blades, rather than "
        "in the lower back?",
        "urgent",
        "Your pain is in the upper back (the thoracic spine). Pain there is less often simple "
        "muscle pain than low back pain is, so a doctor should check it soon.",
        _SEE_URGENT,
        ("nhs_backpain", "nice_cks_lbp"),
    ),
    RedFlag(
        "progressive_weakness",
        "Is one leg getting weaker over days or weeks (for example your foot drags or slaps, "
        "or you trip more)?",
        "urgent",
        "One of your legs is getting weaker. Weakness that is getting worse needs a doctor to "
        "check the nerves soon.",
        _SEE_URGENT,
        _CKS,
    ),
    RedFlag(
        "cancer_history",
        "Have you ever had cancer?",
        "urgent",
        "You have had cancer. Clinicians treat new back pain after cancer as a red flag, so see "
        "a doctor before you start.",
        _SEE_URGENT,
        _CKS,
    ),
    RedFlag(
        "immune_suppression_or_iv_drugs",
        "Do you take medicines that weaken the immune system, have a condition that does (such "
        "as HIV), or inject drugs?",
        "urgent",
        "A weakened immune system or injecting drugs makes an infection of the spine more "
        "likely, so back pain needs a doctor to check it soon.",
        _SEE_URGENT,
        _CKS,
    ),
    RedFlag(
        "steroids_or_osteoporosis",
        "Have you been told you have osteoporosis (thin, fragile bones), or have you taken "
        "steroid tablets for more than a few months?",
        "urgent",
        "Osteoporosis or long-term steroid tablets make a fracture of the spine more likely, "
        "even after a small fall or lift, so a doctor should check your back before you load it.",
        _SEE_URGENT,
        _CKS,
    ),
    # Routine: see a GP (or, for the athlete, a sports physiotherapist or doctor) before training.
    RedFlag(
        "new_pain_under_20_or_over_50",
        "Are you under 20 or over 50, and is this back pain new (it started in the last few "
        "months)?",
        "routine",
        "New back pain that starts before 20 or after 50 is a red flag in NICE guidance: most "
        "often it is harmless, but a GP should check it before you train.",
        "A GP, soon, before you start this plan.",
        _CKS,
    ),
    RedFlag(
        "inflammatory_pattern",
        "Has your back pain lasted more than 3 months, with stiffness in the morning that "
        "eases as you move, or pain that wakes you in the second half of the night?",
        "routine",
        "Long-lasting back pain with morning stiffness that eases with movement, or that wakes "
        "you late in the night, can be axial spondyloarthritis, an inflammatory condition that "
        "needs its own treatment.",
        "A GP, soon, who can refer you to a rheumatologist to check for axial spondyloarthritis.",
        ("nice2017",),
    ),
    RedFlag(
        "extension_pain_young_athlete",
        "Are you a teenager or young adult who plays sport, with pain low on one side of your "
        "back that gets worse when you arch backwards?",
        "routine",
        "One-sided low back pain on arching backwards in a young athlete is the typical story of "
        "a stress fracture of the spine (spondylolysis), which needs assessment and rest from "
        "the painful movements, not extra back training.",
        "A GP, sports doctor or sports physiotherapist, soon, before you train or play on.",
        ("micheli1995",),
    ),
)

RED_FLAG_IDS: tuple[str, ...] = tuple(flag.id for flag in RED_FLAGS)
_BY_ID = {flag.id: flag for flag in RED_FLAGS}

HEADINGS: dict[Urgency, str] = {
    "emergency": "Emergency: get medical help now",
    "urgent": "Urgent: see a doctor today",
    "routine": "See a GP or physiotherapist before you train",
}

DO_NOW: dict[Urgency, tuple[str, ...]] = {
    "emergency": (
        "Call your local emergency number now: 999 in the UK, 112 anywhere in the EU, 911 in "
        "the US. Or go straight to an emergency department (A&E).",
        "Do not wait to see whether it passes, and do not exercise.",
    ),
    "urgent": (
        "Contact a doctor today: ask for an urgent GP appointment, or call NHS 111 in the UK; "
        "elsewhere, your doctor's same-day service.",
        "Do not start this plan until a doctor says exercise is fine.",
    ),
    "routine": (
        "Book an appointment with a GP or a physiotherapist in the next days or weeks.",
        "Do not start this plan until you have been checked.",
    ),
}

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
_PAIN_SEE = SEE["routine"]


@dataclass(frozen=True, slots=True)
class Referral:
    urgency: Urgency
    heading: str
    do_now: tuple[str, ...]
    see: str
    reasons: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "urgency": self.urgency,
            "heading": self.heading,
            "do_now": list(self.do_now),
            "see": self.see,
            "reasons": list(self.reasons),
        }


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def screen(red_flags: Iterable[str], pain: int) -> Referral | None:
    """A referral when any red flag is given or pain >= 7; None when training can go ahead.

    The most urgent tier among the answers decides the heading and what to do now; `see`
    starts with that tier's advice and adds whom each other answer needs to see.
    """
    given = set(red_flags)
    flags = sorted(
        (_BY_ID[f] for f in RED_FLAG_IDS if f in given),
        key=lambda flag: URGENCIES.index(flag.urgency),
    )
    reasons = [flag.reason for flag in flags]
    tiers: list[Urgency] = [flag.urgency for flag in flags]
    whom = [flag.see for flag in flags]
    if pain >= REFER_PAIN:
        reasons.append(
            f"Your back pain at rest is {pain} out of 10. Pain that strong should be assessed "
            "before you start a training plan."
        )
        tiers.append("routine")
        whom.append(_PAIN_SEE)
    if not tiers:
        return None
    urgency = min(tiers, key=URGENCIES.index)
    reasons.append(
        "This planner cannot tell what is causing your symptoms. Once a professional has "
        "checked you and says exercise is fine, come back and plan again."
    )
    top = SEE[urgency]
    generic = (*SEE.values(), _SEE_EMERGENCY, _SEE_URGENT)
    extra = [w for w in _unique(whom) if w not in generic]
    see = " ".join((top, *(f"Also: {w}" for w in extra))) if extra else top
    sources = _unique(key for flag in flags for key in flag.sources)
    return Referral(
        urgency=urgency,
        heading=HEADINGS[urgency],
        do_now=DO_NOW[urgency],
        see=see,
        reasons=tuple(reasons),
        sources=(*sources, *(("nhs_backpain",) if "nhs_backpain" not in sources else ())),
    )


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
