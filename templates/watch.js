// The preview page of `facilitate watch`: ask the watcher for the next build, and show it when it is ready.
"use strict";
(() => {
  const version = document.body.dataset.version;
  const pause = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const next = async () => {
    for (;;) {
      try {
        // The watcher answers as soon as the version is not this page's, or after a while with the same one.
        const response = await fetch(`/version.json?after=${encodeURIComponent(version)}`, { cache: "no-store" });
        if (response.ok) {
          const state = await response.json();
          if (String(state.version) !== version) {
            window.location.reload();
            return;
          }
          continue;
        }
      } catch (error) {
        // The watcher stopped (or is starting again): keep asking, gently.
      }
      await pause(1);
    }
  };
  next();
})();
