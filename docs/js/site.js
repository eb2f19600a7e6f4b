// Runs once per document (Material loads extra_javascript once); every page swap under
// instant navigation is announced through Material's document$ observable, so page features
// bind there, not at module load.
import { registerServiceWorker } from "./offline.js";

document$.subscribe(() => {
  const planner = document.getElementById("planner");
  if (planner) {
    const modules = [import("./planner-page.js"), import("./planner-offline.js")];
    const started = Promise.all(modules).then(([page, offline]) => {
      page.mount(planner);
      offline.bindPlanner(planner);
      return offline.engineSettled(planner);
    });
    registerServiceWorker(started); // once the engine has started: see offline.js
  } else {
    registerServiceWorker();
  }
  if (document.querySelector("form.selftest-link")) {
    import("./selftest-link.js").then((links) => links.bindSelftestLinks(document));
  }
});
