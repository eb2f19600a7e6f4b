// The planner's form, generated from the field definitions Python returns (describe()):
// names, labels, hints, defaults, choices, ranges and units all come from there. This module
// shows them, reads what the person entered, fills a profile back in, and shows the problems
// Python found next to their fields. It never checks a value itself.
import { el, idFor } from "./planner-dom.js";
import { SIDES, labelFor, numberFrom, orderFields } from "./planner-fields.js";

/**
 * Build the form. `info` is describe()'s result; `links.selftests` is the self-tests overview
 * URL and `links.tests[id]` each self-test's page (both may be missing).
 * Returns {form, read, fill, reset, showErrors, clearErrors}.
 */
export function buildForm(info, links, onSubmit) {
  const fields = orderFields(info.fields ?? []);
  const testInfo = new Map((info.tests ?? []).map((t) => [t.id, t]));
  const form = el("form", {
    class: "planner-form",
    "data-role": "form",
    novalidate: true, // Python validates; the browser must not block submitting
    "aria-labelledby": "pl-form-title",
  });
  const summary = el("div", {
    class: "planner-error-summary",
    "data-role": "errors",
    role: "alert",
    tabindex: "-1",
    hidden: true,
  });
  form.append(
    el("h2", { id: "pl-form-title", text: "Your answers" }),
    el("p", {
      class: "planner-hint",
      text: "Every question has a sensible answer already chosen; change what does not fit you.",
    }),
    summary,
  );
  for (const field of fields) {
    const part = renderField(field, testInfo, links);
    if (part) form.append(part);
  }
  const submit = el("button", {
    type: "submit",
    class: "md-button md-button--primary planner-submit",
    text: "Make my plan",
  });
  form.append(el("div", { class: "planner-actions" }, submit));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit();
  });

  const read = () => readProfile(form, fields);
  const fill = (profile) => fillProfile(form, fields, profile);
  const reset = () => fillProfile(form, fields, {});
  const clearErrors = () => clearAllErrors(form, summary);
  const showErrors = (errors, profileLabel) =>
    showAllErrors(form, summary, fields, errors, profileLabel ?? "Your answers");
  reset();
  return { form, read, fill, reset, showErrors, clearErrors };
}

function hint(id, text) {
  return text ? el("p", { class: "planner-hint", id, text }) : null;
}

function errorSlot(path) {
  return el("p", { class: "planner-field-error", id: `${idFor(path)}-error`, hidden: true });
}

function renderField(field, testInfo, links) {
  const id = idFor(field.name);
  const hintId = `${id}-hint`;
  switch (field.kind) {
    case "choice":
    case "choices": {
      const multiple = field.kind === "choices";
      const fieldset = el(
        "fieldset",
        {
          class: `planner-field planner-${multiple ? "checks" : "radios"}`,
          "data-field": field.name,
          id,
        },
        el("legend", { text: field.label }),
        hint(hintId, field.hint),
      );
      const list = el("div", { class: "planner-options" });
      field.choices.forEach((choice, index) => {
        const inputId = `${id}-${index}`;
        list.append(
          el(
            "div",
            { class: "planner-option" },
            el("input", {
              type: multiple ? "checkbox" : "radio",
              id: inputId,
              name: field.name,
              value: choice.value,
              "aria-describedby": field.hint ? hintId : null,
            }),
            el("label", { for: inputId, text: choice.label }),
          ),
        );
      });
      fieldset.append(list);
      if (field.name === "weak_side" && links.selftests) {
        fieldset.append(
          el(
            "p",
            { class: "planner-hint" },
            "I don't know: ",
            el("a", { href: links.selftests, text: "help me test which side is weaker" }),
            " (about 15 minutes, then enter the results below).",
          ),
        );
      }
      fieldset.append(errorSlot(field.name));
      return fieldset;
    }
    case "integer":
      return numberField(field.name, field.label, field.hint, field.unit, field.minimum, field.maximum, "1");
    case "date": {
      const wrap = el(
        "div",
        { class: "planner-field planner-date", "data-field": field.name },
        el("label", { for: id, text: field.label }),
        hint(hintId, field.hint),
        el("input", {
          type: "date",
          id,
          name: field.name,
          "aria-describedby": field.hint ? hintId : null,
        }),
        errorSlot(field.name),
      );
      return wrap;
    }
    case "tests":
      return testsField(field, testInfo, links);
    default:
      return null;
  }
}

function numberField(path, label, hintText, unit, minimum, maximum, step) {
  const id = idFor(path);
  const hintId = `${id}-hint`;
  const unitId = `${id}-unit`;
  const range =
    minimum !== null && minimum !== undefined && maximum !== null && maximum !== undefined
      ? `${minimum} to ${maximum}${unit ? ` ${unit}` : ""}.`
      : "";
  const hintLine = [hintText, range && `From ${range}`].filter(Boolean).join(" ");
  return el(
    "div",
    { class: "planner-field planner-number", "data-field": path },
    el("label", { for: id, text: label }),
    hint(hintId, hintLine),
    el(
      "div",
      { class: "planner-input-unit" },
      el("input", {
        type: "number",
        id,
        name: path,
        inputmode: step === "1" ? "numeric" : "decimal",
        min: minimum ?? null,
        max: maximum ?? null,
        step,
        "aria-describedby": [hintLine ? hintId : "", unit ? unitId : ""].filter(Boolean).join(" ") || null,
      }),
      unit ? el("span", { class: "planner-unit", id: unitId, text: unit }) : null,
    ),
    errorSlot(path),
  );
}

function testsField(field, testInfo, links) {
  const id = idFor(field.name);
  const details = el(
    "details",
    { class: "planner-field planner-tests", "data-field": field.name, id },
    el("summary", { text: field.label }),
    hint(`${id}-hint`, field.hint),
  );
  for (const choice of field.choices) {
    const test = testInfo.get(choice.value) ?? {};
    const path = `${field.name}.${choice.value}`;
    const testId = idFor(path);
    const unit = test.unit ?? "";
    const page = links.tests?.[choice.value];
    const fieldset = el(
      "fieldset",
      { class: "planner-test", "data-field": path, id: testId },
      el("legend", { text: choice.label }),
      test.how_to ? el("p", { class: "planner-hint", id: `${testId}-hint`, text: test.how_to }) : null,
      page
        ? el(
            "p",
            { class: "planner-hint" },
            el("a", { href: page, text: `How to do the ${choice.label.toLowerCase()} test` }),
          )
        : null,
    );
    const pair = el("div", { class: "planner-test-sides" });
    for (const [side, sideLabel] of SIDES) {
      pair.append(numberField(`${path}.${side}`, sideLabel, "", unit, field.minimum, field.maximum, "any"));
    }
    fieldset.append(pair, errorSlot(path));
    details.append(fieldset);
  }
  details.append(errorSlot(field.name));
  return details;
}

// --- reading and filling --------------------------------------------------------------------

function numberValue(input) {
  return input ? numberFrom(input.value) : null;
}

/** The profile as entered: every asked field, with what the controls hold (Python judges it). */
function readProfile(form, fields) {
  const profile = { version: 1 };
  for (const field of fields) {
    const controls = form.querySelectorAll(`[name="${field.name}"]`);
    if (field.kind === "choice") {
      const checked = [...controls].find((c) => c.checked);
      profile[field.name] = checked ? checked.value : null;
    } else if (field.kind === "choices") {
      profile[field.name] = [...controls].filter((c) => c.checked).map((c) => c.value);
    } else if (field.kind === "integer") {
      profile[field.name] = numberValue(controls[0]);
    } else if (field.kind === "date") {
      const value = controls[0]?.value ?? "";
      if (value) profile[field.name] = value;
    } else if (field.kind === "tests") {
      const tests = {};
      for (const choice of field.choices) {
        const sides = {};
        for (const [side] of SIDES) {
          const value = numberValue(form.querySelector(`[name="${field.name}.${choice.value}.${side}"]`));
          if (value !== null) sides[side] = value;
        }
        if (Object.keys(sides).length) tests[choice.value] = sides;
      }
      profile[field.name] = tests;
    }
  }
  return profile;
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Put a (possibly partial or invalid) profile into the controls; missing fields get defaults. */
function fillProfile(form, fields, profile) {
  const given = isObject(profile) ? profile : {};
  for (const field of fields) {
    const has = Object.hasOwn(given, field.name);
    const value = has ? given[field.name] : field.default;
    const controls = [...form.querySelectorAll(`[name="${field.name}"]`)];
    if (field.kind === "choice") {
      const match = controls.some((c) => c.value === value) ? value : field.default;
      for (const c of controls) c.checked = c.value === match;
    } else if (field.kind === "choices") {
      const list = Array.isArray(value) ? value : Array.isArray(field.default) ? field.default : [];
      for (const c of controls) c.checked = list.includes(c.value);
    } else if (field.kind === "integer") {
      const shown = typeof value === "number" || typeof value === "string" ? String(value) : "";
      if (controls[0]) controls[0].value = shown;
    } else if (field.kind === "date") {
      if (controls[0]) controls[0].value = typeof value === "string" ? value : "";
    } else if (field.kind === "tests") {
      const tests = isObject(value) ? value : {};
      for (const choice of field.choices) {
        const sides = isObject(tests[choice.value]) ? tests[choice.value] : {};
        for (const [side] of SIDES) {
          const input = form.querySelector(`[name="${field.name}.${choice.value}.${side}"]`);
          const score = sides[side];
          if (input) input.value = typeof score === "number" ? String(score) : "";
        }
      }
      const details = form.querySelector(`details[data-field="${field.name}"]`);
      if (details && Object.keys(tests).length) details.open = true;
    }
  }
}

// --- problems ---------------------------------------------------------------------------------

function clearAllErrors(form, summary) {
  summary.hidden = true;
  summary.replaceChildren();
  for (const slot of form.querySelectorAll(".planner-field-error")) {
    slot.hidden = true;
    slot.replaceChildren();
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    const ids = (input.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .filter((x) => x && !x.endsWith("-error"));
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }
  for (const field of form.querySelectorAll(".planner-field.is-invalid, .planner-test.is-invalid")) {
    field.classList.remove("is-invalid");
  }
}

/** The element for a dotted field path, or the nearest enclosing one ("tests.x.left" -> "tests.x"). */
function containerFor(form, path) {
  let parts = String(path).split(".");
  while (parts.length) {
    const found = [...form.querySelectorAll("[data-field]")].find(
      (node) => node.dataset.field === parts.join("."),
    );
    if (found) return found;
    parts = parts.slice(0, -1);
  }
  return null;
}

/** Show each problem next to its field and in the summary; returns the element to focus. */
function showAllErrors(form, summary, fields, errors, profileLabel) {
  clearAllErrors(form, summary);
  const list = el("ul");
  let first = null;
  for (const error of errors) {
    const { field } = error;
    // Python's words for a person at the form (`plain`: what to enter) where it has them.
    const message = error.plain || error.message;
    const container = containerFor(form, field);
    const text = `${labelFor(fields, field, profileLabel)}: ${message}`;
    let target = null;
    if (container) {
      container.classList.add("is-invalid");
      const slot = [...container.querySelectorAll(":scope > .planner-field-error")][0];
      if (slot) {
        slot.append(el("span", { text: message }));
        slot.hidden = false;
        const inputs = container.matches("input")
          ? [container]
          : [...container.querySelectorAll("input")];
        const own = container.dataset.field;
        for (const input of inputs) {
          // Inputs of a nested field (a test's sides) only take their own field's message.
          const inputField = input.closest("[data-field]")?.dataset.field;
          if (inputField !== own && !inputField?.startsWith(`${own}.`)) continue;
          input.setAttribute("aria-invalid", "true");
          const ids = new Set((input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
          ids.add(slot.id);
          input.setAttribute("aria-describedby", [...ids].join(" "));
        }
        target = inputs.find((i) => i.checked) ?? inputs[0] ?? null;
      }
      const details = container.closest("details");
      if (details) details.open = true;
    }
    first ??= target;
    const item = el("li");
    if (target) {
      item.append(
        el("button", {
          type: "button",
          class: "planner-linklike",
          text,
          onclick: () => target.focus(),
        }),
      );
    } else {
      item.append(text);
    }
    if (error.detail) {
      // What exactly is wrong (a damaged share link's cause), for whoever wants it.
      item.append(el("details", { class: "planner-error-detail" }, el("summary", { text: error.detailLabel }), el("p", { text: error.detail })));
    }
    list.append(item);
  }
  const count = errors.length;
  summary.append(
    el("h2", {
      text: count === 1 ? "One answer needs a change" : `${count} answers need a change`,
    }),
    el("p", { text: "Nothing you entered was lost. Fix these and press “Make my plan” again:" }),
    list,
  );
  summary.hidden = false;
  return first ?? summary;
}
