// What test_phone_width.py checks on a page at phone width: [controls, target] in;
// the page's scroll width, controls smaller than the target, and what sticks out, back.
([controls, target]) => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const name = el => (el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "")
    + " “" + (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 40) + "”");
  const small = [];
  for (const el of document.querySelectorAll(controls)) {
    if (!shown(el) || el.closest(".sr-only")) { continue; }
    const box = el.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) { continue; }
    if (box.height < target - 0.5 || box.width < target - 0.5) {
      small.push(`${name(el)}: ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  const width = document.documentElement.clientWidth;
  const scrolls = el => {  // inside a box of its own that scrolls sideways (the queue list)
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(up).overflowX)) { return true; }
    }
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!shown(el)) { continue; }
    const box = el.getBoundingClientRect();
    if (box.right > width + 0.5 && !scrolls(el)) {
      wide.push(`${name(el)}: right edge at ${Math.round(box.right)}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, small, wide: wide.slice(0, 15)};
}
