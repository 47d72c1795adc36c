// The contrast ratio (WCAG 2) of the text of the element `selector` finds against its
// background: the computed colours, each background blended over the ones under it.
(selector) => {
  const parse = c => { const [r, g, b, a = 1] = c.match(/[\d.]+/g).map(Number); return {r, g, b, a}; };
  const over = (top, under) => ({  // `top` painted over an opaque `under`
    r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a), a: 1});
  const el = document.querySelector(selector);
  const layers = [];
  for (let up = el; up; up = up.parentElement) { layers.push(parse(getComputedStyle(up).backgroundColor)); }
  const background = layers.reverse().reduce((under, top) => over(top, under), {r: 255, g: 255, b: 255, a: 1});
  const text = over(parse(getComputedStyle(el).color), background);
  const lum = c => ["r", "g", "b"].map(k => c[k] / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [light, dark] = [lum(text), lum(background)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
