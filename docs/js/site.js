// Runs once per document (Material loads extra_javascript once); every page swap under
// instant navigation is announced through Material's document$ observable, so page features
// bind there, not at module load.
import { bindPlanner, registerServiceWorker } from "./offline.js";

document$.subscribe(() => {
  registerServiceWorker();
  const planner = document.getElementById("planner");
  if (planner) {
    import("./planner-page.js").then((page) => {
      page.mount(planner);
      bindPlanner(planner);
    });
  }
  if (document.querySelector("form.selftest-link")) {
    import("./selftest-link.js").then((links) => links.bindSelftestLinks(document));
  }
});
