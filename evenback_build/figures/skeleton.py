"""The figure model: a jointed human of realistic proportions, posed by joint angles in one plane.

Lengths are in centimetres for a person 175 cm tall, from the segment lengths as fractions of
height in Winter DA, *Biomechanics and Motor Control of Human Movement*, 4th ed., Wiley 2009,
figure 4.1 (after Drillis and Contini 1966).
A pose gives joint angles in the drawing plane: the sagittal plane for a side view, the frontal
plane for a front or back view. Parts that point out of that plane are drawn shorter by a
`reach` factor (1 = in the plane, 0 = pointing straight at the viewer).

Angle conventions (degrees): `trunk` is the pelvis's lean from upright (side view: towards the
way the person faces; front/back view: towards the person's left); `spine` bends the upper trunk
further the same way; `neck` bends the head forward (side) or towards the person's left
(front/back). Limb angles are [left, right]: `hip` and `shoulder` are flexion (side view) or
abduction (front/back: away from the midline), 0 = hanging along the trunk; `knee` and `elbow`
bend the joint (knee backwards, elbow forwards; front/back: knee towards the midline, elbow
away from it); `ankle` points the foot (plantar flexion positive, 0 = foot at a right angle).
World coordinates: x to the right of the picture, y up, floor at y = 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

HEIGHT = 175.0
# Segment lengths (cm), Winter's proportions x 175 cm.
LENGTH: dict[str, float] = {
    "pelvis": 0.45 * 0.288 * HEIGHT,  # hip joints to the waist
    "chest": 0.55 * 0.288 * HEIGHT,  # waist to the base of the neck
    "neck": 0.06 * HEIGHT,  # base of the neck to the centre of the head
    "thigh": 0.245 * HEIGHT,
    "shank": 0.246 * HEIGHT,
    "foot": 0.115 * HEIGHT,  # ankle to the toes (the heel is drawn behind the ankle)
    "upper": 0.186 * HEIGHT,
    "fore": 0.146 * HEIGHT,
    "hand": 0.04 * HEIGHT,  # wrist to the middle of the palm, fingers loosely closed
}
HEAD_R = 0.063 * HEIGHT
# Drawn thickness (cm) of each limb segment.
WIDTH: dict[str, float] = {
    "thigh": 15.0,
    "shank": 11.0,
    "foot": 8.0,
    "upper": 9.5,
    "fore": 8.0,
    "hand": 7.5,
    "neck": 9.5,
}
HIP_HALF = 9.0  # front/back view: hip joint from the midline
SHOULDER_HALF = 17.0  # front/back view: shoulder joint from the midline
ANKLE_HEIGHT = 0.039 * HEIGHT

# Joint ranges (degrees) a healthy adult reaches, generous at the ends. In a front or back view
# the angles are the projection into that plane, hence the wider ranges.
RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "side": {
        "spine": (-35, 70),
        "neck": (-60, 70),
        "hip": (-35, 145),
        "knee": (0, 160),
        "ankle": (-30, 75),  # lying face down, the foot rests pointed
        "shoulder": (-60, 185),
        "elbow": (0, 155),
    },
    "front": {
        "spine": (-45, 45),
        "neck": (-45, 45),
        "hip": (-35, 160),  # a flexed thigh seen end-on projects upwards
        "knee": (-150, 160),  # a bend out of the plane projects either way
        "ankle": (-30, 90),
        "shoulder": (-30, 185),
        "elbow": (-155, 155),
    },
}
LIMB_ANGLES = ("hip", "knee", "ankle", "shoulder", "elbow")
TRUNK_ANGLES = ("trunk", "spine", "neck")
REACH_PARTS = ("thigh", "shank", "foot", "upper", "fore", "hand")
REACH_WHOLE = ("trunk",)
SIDES = ("l", "r")

Point = tuple[float, float]


def plane(view: str) -> str:
    """'side' for the side view, 'front' for the front and back views (the frontal plane)."""
    return "side" if view == "side" else "front"


@dataclass(frozen=True, slots=True)
class Pose:
    """Joint angles (degrees) and reach factors; limb values are keyed '<name>_l'/'<name>_r'."""

    angles: Mapping[str, float]
    reach: Mapping[str, float]

    def angle(self, name: str) -> float:
        return self.angles.get(name, 0.0)


def _dir(phi: float) -> Point:
    """Unit vector at angle phi (degrees) from straight down, counter-clockwise positive."""
    r = math.radians(phi)
    return (math.sin(r), -math.cos(r))


def _add(a: Point, b: Point, k: float = 1.0) -> Point:
    return (a[0] + b[0] * k, a[1] + b[1] * k)


@dataclass(frozen=True, slots=True)
class Skeleton:
    """Joint positions of one posed figure, before it is placed (pelvis at the origin)."""

    points: dict[str, Point]
    # Direction angles (degrees from down) of every segment, for the drawing.
    phi: dict[str, float]
    view: str
    facing: int  # side view: +1 faces right, -1 faces left; front/back: sign of the person's left

    def near(self) -> str:
        """The side nearer the viewer in a side view (facing right shows the right side)."""
        return "r" if self.facing > 0 else "l"

    def moved(self, dx: float, dy: float) -> Skeleton:
        pts = {k: (x + dx, y + dy) for k, (x, y) in self.points.items()}
        return Skeleton(pts, self.phi, self.view, self.facing)


def limb_sign(view: str, facing: int, side: str) -> int:
    """+1 when the limb's positive angles turn counter-clockwise on the picture."""
    if view == "side":
        return facing
    return facing if side == "l" else -facing


def pose_skeleton(pose: Pose, view: str, facing: int) -> Skeleton:
    """Forward kinematics: every joint of the pose, pelvis at (0, 0)."""
    pts: dict[str, Point] = {}
    phi: dict[str, float] = {}
    s = facing
    up_low = 180.0 - s * pose.angle("trunk")
    up_high = up_low - s * pose.angle("spine")
    head = up_high - s * pose.angle("neck")
    pelvis = (0.0, 0.0)
    trunk_reach = pose.reach.get("trunk", 1.0)
    waist = _add(pelvis, _dir(up_low), LENGTH["pelvis"] * trunk_reach)
    neck = _add(waist, _dir(up_high), LENGTH["chest"] * trunk_reach)
    pts.update(pelvis=pelvis, waist=waist, neck=neck)
    pts["head"] = _add(neck, _dir(head), LENGTH["neck"] + 0.35 * HEAD_R)
    phi.update(low=up_low, high=up_high, head=head)
    for side in SIDES:
        sign = limb_sign(view, facing, side)
        if view == "side":
            hip_at = pelvis
            shoulder_at = _add(neck, _dir(up_high), -3.0)
        else:
            # The person's left, perpendicular to the trunk.
            left_low = up_low - facing * 90.0
            left_high = up_high - facing * 90.0
            k = 1.0 if side == "l" else -1.0
            hip_at = _add(_add(pelvis, _dir(left_low), k * HIP_HALF), _dir(up_low), -3.0)
            shoulder_at = _add(_add(neck, _dir(left_high), k * SHOULDER_HALF), _dir(up_high), -4.0)

        def reach(part: str, _side: str = side) -> float:
            return pose.reach.get(f"{part}_{_side}", pose.reach.get(part, 1.0))

        thigh = up_low - 180.0 + sign * pose.angle(f"hip_{side}")
        shank = thigh - sign * pose.angle(f"knee_{side}")
        foot = shank + sign * (90.0 - pose.angle(f"ankle_{side}"))
        upper = up_high - 180.0 + sign * pose.angle(f"shoulder_{side}")
        fore = upper + sign * pose.angle(f"elbow_{side}")
        knee = _add(hip_at, _dir(thigh), LENGTH["thigh"] * reach("thigh"))
        ankle = _add(knee, _dir(shank), LENGTH["shank"] * reach("shank"))
        # Sole below the ankle, along the shank; toe at the front of the sole, heel behind.
        sole = _add(ankle, _dir(shank), ANKLE_HEIGHT)
        foot_default = 1.0 if view == "side" else 0.3
        foot_reach = pose.reach.get(f"foot_{side}", pose.reach.get("foot", foot_default))
        toe = _add(sole, _dir(foot), LENGTH["foot"] * foot_reach)
        heel = _add(sole, _dir(foot), -4.0 * foot_reach)
        elbow = _add(shoulder_at, _dir(upper), LENGTH["upper"] * reach("upper"))
        wrist = _add(elbow, _dir(fore), LENGTH["fore"] * reach("fore"))
        hand = _add(wrist, _dir(fore), LENGTH["hand"] * reach("hand"))
        pts.update(
            {
                f"hip_{side}": hip_at,
                f"knee_{side}": knee,
                f"ankle_{side}": ankle,
                f"toe_{side}": toe,
                f"heel_{side}": heel,
                f"shoulder_{side}": shoulder_at,
                f"elbow_{side}": elbow,
                f"wrist_{side}": wrist,
                f"hand_{side}": hand,
            }
        )
        phi.update(
            {
                f"thigh_{side}": thigh,
                f"shank_{side}": shank,
                f"foot_{side}": foot,
                f"upper_{side}": upper,
                f"fore_{side}": fore,
            }
        )
    return Skeleton(pts, phi, view, facing)


# How far a contact point's surface lies from the joint centre (cm): the body's thickness there.
CONTACT_RADIUS: dict[str, float] = {
    "toe": 0.0,
    "heel": 0.0,
    "knee": WIDTH["shank"] / 2,
    "hand": WIDTH["hand"] / 2,
    "wrist": WIDTH["fore"] / 2,
    "elbow": WIDTH["fore"] / 2,
    "hip": 10.0,
    "pelvis": 10.0,
    "shoulder": 10.0,
    "neck": 10.0,
    "waist": 10.0,
    "head": HEAD_R,
    "ankle": WIDTH["shank"] / 2,
}


def contact_radius(point: str) -> float:
    return CONTACT_RADIUS[point.split("_")[0]]


def angle_problems(pose: Pose, view: str) -> list[str]:
    """Every joint angle outside the human range for this plane, as 'hip_l = 150 (-35..145)'."""
    out = []
    ranges = RANGES[plane(view)]
    for name, value in sorted(pose.angles.items()):
        base = name.rsplit("_", 1)[0] if name[-2:] in ("_l", "_r") else name
        if base == "trunk":
            continue
        low, high = ranges[base]
        if not low <= value <= high:
            out.append(f"{name} = {value:g} ({low:g}..{high:g})")
    for name, value in sorted(pose.reach.items()):
        if not 0.0 <= value <= 1.0:
            out.append(f"reach {name} = {value:g} (0..1)")
    return out
