// 清风 web chat (issue 19): draws the chat the server keeps and sends what the visitor types, taps or attaches.
// No framework, no build step, nothing from elsewhere (the page's Content-Security-Policy allows only this file).
"use strict";

(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const words = JSON.parse(document.getElementById("words").textContent);
  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const text = document.getElementById("text");
  const secret = document.getElementById("secret");
  const file = document.getElementById("file");
  const status = document.getElementById("status");
  const shown = new Map(); // message id → its element
  const MAX_BYTES = 20 * 1024 * 1024;
  let last = 0; // the newest message drawn
  let secretMode = false; // the answer asked for is a password: typed unseen
  let masked = false; // the answer asked for is shown as dots in the chat (a password, the reporter's identity)

  const say = (message) => { status.textContent = message || ""; };
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function setSecret(on) {
    secretMode = on;
    secret.classList.toggle("hidden", !on);
    text.classList.toggle("hidden", on);
    (on ? secret : text).focus({ preventScroll: true });
  }

  function draw(m) {
    if (shown.has(m.id)) return;
    last = Math.max(last, m.id);
    const el = document.createElement("div");
    el.className = "msg " + (m.mine ? "mine" : "bot");
    el.dataset.id = String(m.id);
    const who = document.createElement("span");
    who.className = "sr";
    who.textContent = (m.mine ? words.you : words.bot) + ": ";
    el.append(who);
    if (m.photo) {
      const img = new Image();
      img.src = "data:" + (m.photo[0].endsWith(".png") ? "image/png" : "image/jpeg") + ";base64," + m.photo[1];
      img.alt = m.photo[0];
      el.append(img);
    }
    if (m.document) {
      const a = document.createElement("a");
      a.href = "data:application/octet-stream;base64," + m.document[1];
      a.download = m.document[0];
      a.textContent = "📎 " + m.document[0];
      el.append(a);
    }
    const p = document.createElement("p");
    p.textContent = m.text;
    el.append(p);
    if (m.buttons) {
      const box = document.createElement("div");
      box.className = "buttons";
      for (const row of m.buttons) {
        const line = document.createElement("div");
        line.className = "row";
        for (const [label, data] of row) {
          const b = document.createElement("button");
          b.type = "button";
          b.className = "tap";
          b.textContent = label;
          b.addEventListener("click", () => tap(m.id, data, label));
          line.append(b);
        }
        box.append(line);
      }
      el.append(box);
    }
    const after = [...shown.keys()].filter((id) => id > m.id).sort((a, b) => a - b)[0];
    log.insertBefore(el, after === undefined ? null : shown.get(after));
    shown.set(m.id, el);
    if (!m.mine && m.id === last) {
      setSecret(Boolean(m.secret));
      masked = Boolean(m.masked);
    }
    el.scrollIntoView({ block: "end" });
  }

  function erase(id) {
    const el = shown.get(id);
    if (el) el.remove();
  }

  // The session is gone (forgotten in another tab) or the browser refuses the cookie: reload once, then say so
  // (reloading for ever would also use up this network's new sessions).
  function lost() {
    let again = false;
    try {
      again = !sessionStorage.getItem("qf-reloaded");
      if (again) sessionStorage.setItem("qf-reloaded", "1");
    } catch {
      again = false; // no storage either: cookies are blocked
    }
    if (again) location.reload();
    else say(words.cookies);
  }

  async function fetchNew(path) {
    const r = await fetch(path, { credentials: "same-origin" });
    if (r.status === 401) {
      lost();
      return false;
    }
    if (!r.ok) throw new Error("HTTP " + r.status); // the server failed: said, and asked again later
    const data = await r.json();
    (data.messages || []).forEach(draw);
    return true;
  }

  async function post(path, body) {
    const form = body instanceof FormData;
    const headers = { "X-CSRF-Token": csrf, "X-Page-Language": document.documentElement.lang };
    if (!form) headers["Content-Type"] = "application/json";
    say(words.sending);
    let r;
    try {
      r = await fetch(path, { method: "POST", headers, credentials: "same-origin",
                              body: form ? body : JSON.stringify(body) });
    } catch {
      say(words.offline);
      return null;
    }
    let data = {};
    try { data = await r.json(); } catch { /* an answer without a body */ }
    if (r.status === 401) {
      lost();
      return null;
    }
    say(r.ok ? "" : data.error || words.failed);
    (data.deleted || []).forEach(erase);
    if (path !== "/api/forget") {
      try {
        await fetchNew("/api/history?after=" + last);
      } catch {
        say(words.failed);
      }
    }
    return r.ok ? data : null;
  }

  const tap = (id, data, label) => post("/api/send", { callback: data, message_id: id, label });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const field = secretMode ? secret : text;
    const value = field.value;
    if (!value.trim()) return;
    field.value = "";
    post("/api/send", masked ? { text: value, masked: true } : { text: value });
  });

  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  file.addEventListener("change", () => {
    const chosen = file.files[0];
    file.value = "";
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      say(words.too_large);
      return;
    }
    const body = new FormData();
    body.append("file", chosen, chosen.name);
    post("/api/upload", body);
  });

  for (const chip of document.querySelectorAll(".chip")) {
    chip.addEventListener("click", () => post("/api/send", { text: chip.dataset.command }));
  }

  document.getElementById("forget").addEventListener("click", async () => {
    if (!confirm(words.forget_confirm)) return;
    if (await post("/api/forget", {})) {
      log.replaceChildren();
      shown.clear();
      sessionStorage.setItem("forgotten", "1");
      location.replace("/?lang=" + encodeURIComponent(document.documentElement.lang)); // a fresh page, same language
    }
  });

  async function poll() {
    for (;;) {
      try {
        if (!(await fetchNew("/api/updates?after=" + last))) return;
        if (status.textContent === words.offline) say("");
      } catch {
        say(words.offline);
        await sleep(5000);
      }
    }
  }

  async function begin() {
    for (;;) {
      try {
        if (!(await fetchNew("/api/history"))) return;
        try { sessionStorage.removeItem("qf-reloaded"); } catch { /* no storage */ }
        break;
      } catch {
        say(words.offline);
        await sleep(5000);
      }
    }
    if (shown.size === 0) await post("/api/send", { text: "/start", quiet: true });
    if (sessionStorage.getItem("forgotten")) {
      sessionStorage.removeItem("forgotten");
      say(words.forgotten);
    }
    poll();
  }

  begin();
})();
