// The Pushgateway's web UI: lists the pushed groups a page at a time (filtered and sorted by the
// gateway), expands one group's metrics on demand, deletes groups with the Go gateway's own
// requests, and shows the status. Data comes from `status?view=...` (internal JSON, see README).
'use strict';

(function () {
  const body = document.body;
  const prefix = body.dataset.prefix || '.';
  const adminApi = body.dataset.admin === 'true';
  const PAGE = 100;

  const $ = (id) => document.getElementById(id);
  const ui = {
    filter: $('filter'), sort: $('sort'), stale: $('stale'), problems: $('problems'),
    refresh: $('refresh'), deleteAll: $('delete-all'), deleteAllCount: $('delete-all-count'),
    summary: $('summary'), groups: $('groups'), more: $('more'), loadMore: $('load-more'),
    figures: $('figures'), groupsView: $('groups-view'), statusView: $('status-view'),
    tabGroups: $('tab-groups'), tabStatus: $('tab-status'),
    dialog: $('confirm'), dialogTitle: $('confirm-title'), dialogText: $('confirm-text'),
    dialogCurl: $('confirm-curl'), dialogError: $('confirm-error'),
    dialogOk: $('confirm-ok'), dialogCancel: $('confirm-cancel'),
  };

  // What the list shows; `generation` discards answers to superseded requests.
  const list = { generation: 0, offset: 0, matched: 0, total: 0, loading: false, clockSkew: 0 };
  const timings = (window.pushgatewayTimings = { firstRender: null, lastLoad: null });

  // ---------------------------------------------------------------- helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) {
      if (c !== null && c !== undefined && c !== false) node.append(c);
    }
    return node;
  }

  function dataUrl(params) {
    return prefix + '/status?' + new URLSearchParams(params).toString();
  }

  async function getJson(params) {
    const resp = await fetch(dataUrl(params), { headers: { Accept: 'application/json' } });
    if (!resp.ok) throw new Error('HTTP ' + resp.status + ' ' + (await resp.text()).trim());
    return resp.json();
  }

  function absoluteUrl(relative) {
    return new URL(relative, document.baseURI).href;
  }

  function shellQuote(s) {
    return "'" + s.replace(/'/g, "'\\''") + "'";
  }

  const nf = new Intl.NumberFormat();
  const num = (n) => nf.format(n);

  function pad(n) { return String(n).padStart(2, '0'); }

  function formatTime(ms) {
    const d = new Date(ms);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' +
      pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  function ago(ms) {
    let s = Math.round((Date.now() + list.clockSkew - ms) / 1000);
    if (s < 0) return 'in the future';
    if (s < 5) return 'just now';
    if (s < 90) return s + 's ago';
    const m = Math.round(s / 60);
    if (m < 90) return m + 'm ago';
    const h = Math.round(s / 3600);
    if (h < 48) return h + 'h ago';
    const d = Math.round(s / 86400);
    return d + 'd ago';
  }

  function timeCell(ms, cls, never) {
    if (ms === null) return el('div', { class: 'time never ' + cls, text: never });
    return el('div', { class: 'time ' + cls, title: new Date(ms).toISOString() },
      formatTime(ms), el('span', { class: 'ago', 'data-ms': ms, text: ago(ms) }));
  }

  function refreshAgo() {
    for (const span of document.querySelectorAll('.ago[data-ms]')) {
      span.textContent = ago(Number(span.dataset.ms));
    }
  }

  function labelBadge(name, value) {
    const cls = name === 'job' ? 'badge job' : name === 'instance' ? 'badge instance' : 'badge';
    return el('span', { class: cls, text: name + '="' + value + '"' });
  }

  function labelText(labels) {
    return '{' + labels.map(([n, v]) => n + '="' + v + '"').join(', ') + '}';
  }

  // ---------------------------------------------------------------- settings

  function restoreSettings() {
    const stored = (key, fallback) => localStorage.getItem('pushgateway.' + key) || fallback;
    ui.sort.value = stored('sort', 'key');
    ui.stale.value = stored('stale', '3600');
    if (!ui.sort.value) ui.sort.value = 'key';
    if (!ui.stale.value) ui.stale.value = '3600';
    const params = new URLSearchParams(location.hash.replace(/^#[^?]*\??/, ''));
    if (params.has('filter')) ui.filter.value = params.get('filter');
  }

  function saveSettings() {
    try {
      localStorage.setItem('pushgateway.sort', ui.sort.value);
      localStorage.setItem('pushgateway.stale', ui.stale.value);
    } catch (e) { /* private mode: settings are not remembered */ }
  }

  // ---------------------------------------------------------------- group list

  function listParams(offset) {
    const p = { view: 'groups', sort: ui.sort.value, stale: ui.stale.value, offset, limit: PAGE };
    const filter = ui.filter.value.trim();
    if (filter) p.filter = filter;
    if (ui.problems.checked) p.problems = '1';
    return p;
  }

  async function loadGroups(reset) {
    if (reset) {
      list.generation++;
      list.offset = 0;
      list.loading = false;
    }
    if (list.loading) return;
    const generation = list.generation;
    list.loading = true;
    const started = performance.now();
    try {
      const params = listParams(list.offset);
      const data = await getJson(params);
      if (generation !== list.generation) return;
      body.dataset.loadedFilter = params.filter || '';
      list.clockSkew = data.now - Date.now();
      if (reset) ui.groups.replaceChildren();
      const rows = document.createDocumentFragment();
      for (const g of data.groups) rows.append(groupRow(g));
      ui.groups.append(rows);
      list.offset = data.offset + data.groups.length;
      list.matched = data.matched;
      list.total = data.total;
      showFigures(data);
      timings.lastLoad = performance.now() - started;
      if (timings.firstRender === null) timings.firstRender = performance.now();
      body.dataset.loads = String(Number(body.dataset.loads || 0) + 1);
    } catch (e) {
      if (generation === list.generation) ui.summary.textContent = 'Loading the groups failed: ' + e.message;
    } finally {
      if (generation === list.generation) list.loading = false;
    }
    if (generation === list.generation) maybeLoadMore();
  }

  function showFigures(data) {
    const shown = Math.min(list.offset, list.matched);
    const parts = [];
    if (data.total === 0) {
      parts.push('No groups have been pushed yet.');
    } else if (list.matched === 0) {
      parts.push('No group matches (', el('b', { text: num(data.total) }), ' in total).');
    } else {
      parts.push('Showing ', el('b', { text: num(shown) }), ' of ', el('b', { text: num(list.matched) }),
        list.matched === data.total ? ' groups' : ' matching groups (' + num(data.total) + ' in total)');
      parts.push(' · ', num(data.series), ' series in the store');
    }
    if (data.failed > 0) parts.push(' · ', el('span', { class: 'bad', text: num(data.failed) + ' failed' }));
    if (data.stale > 0) parts.push(' · ', el('span', { class: 'warn', text: num(data.stale) + ' stale' }));
    ui.summary.replaceChildren(...parts);
    ui.figures.textContent = num(data.total) + ' groups · ' + num(data.series) + ' series';
    ui.deleteAllCount.textContent = num(data.total);
    ui.deleteAll.disabled = data.total === 0;
    ui.loadMore.hidden = list.offset >= list.matched;
  }

  // Loads the next page when the end of the list is on screen.
  function maybeLoadMore() {
    if (list.loading || list.offset >= list.matched) return;
    const rect = ui.more.getBoundingClientRect();
    if (rect.top < window.innerHeight + 400) loadGroups(false);
  }

  function groupRow(g) {
    const classes = ['group'];
    if (!g.ok) classes.push('failed');
    if (g.stale) classes.push('stale');
    const row = el('div', { class: classes.join(' '), 'data-id': g.id });
    row.group = g;
    const labels = el('div', { class: 'labels' }, ...g.labels.map(([n, v]) => labelBadge(n, v)));
    if (!g.ok) labels.append(el('span', { class: 'badge alert', role: 'alert', text: 'Last push failed!' }));
    if (g.stale) labels.append(el('span', { class: 'badge stale', text: 'stale' }));
    const del = el('button', {
      type: 'button', class: 'small delete', title: 'Delete this group',
      onclick: (ev) => { ev.stopPropagation(); confirmDeleteGroup(row); },
    }, 'Delete');
    const head = el('div', { class: 'group-head', tabindex: '0', role: 'button', 'aria-expanded': 'false' },
      el('span', { class: 'toggle', text: '\u25B6' }),
      labels,
      timeCell(g.pushed, 'pushed', 'never pushed successfully'),
      g.failedAt !== null ? timeCell(g.failedAt, g.ok ? '' : 'fail', '') : el('div', { class: 'time never', text: 'no failed push' }),
      el('div', { class: 'count series', title: g.families + ' metric families' }, num(g.series) + ' series'),
      del);
    head.addEventListener('click', () => toggleGroup(row));
    head.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); toggleGroup(row); }
    });
    row.append(head);
    return row;
  }

  // ---------------------------------------------------------------- group details

  async function toggleGroup(row) {
    const open = !row.classList.contains('open');
    row.classList.toggle('open', open);
    row.querySelector('.group-head').setAttribute('aria-expanded', String(open));
    let detail = row.querySelector('.group-body');
    if (!open) {
      if (detail) detail.hidden = true;
      return;
    }
    if (detail) {
      detail.hidden = false;
      return;
    }
    detail = el('div', { class: 'group-body' }, el('div', { class: 'loading', text: 'Loading…' }));
    row.append(detail);
    try {
      const data = await getJson({ view: 'group', id: row.group.id });
      if (!data.found) {
        detail.replaceChildren(el('div', { class: 'error', text: 'This group no longer exists.' }));
        return;
      }
      const grouping = new Map(data.labels);
      // Small groups open every family; big ones only the first, to keep the page light.
      const openAll = row.group.series <= 100;
      detail.replaceChildren(...data.families.map((f, i) => familyBlock(row.group.id, f, grouping, openAll || i === 0)));
    } catch (e) {
      detail.replaceChildren(el('div', { class: 'error', text: 'Loading the group failed: ' + e.message }));
    }
  }

  function familyBlock(groupId, f, grouping, open) {
    const summary = el('summary', {},
      el('span', { class: 'fname', text: f.name }),
      el('span', { class: 'badge type', text: f.type }),
      el('span', { class: 'fhelp', text: f.help }),
      el('span', { class: 'fmeta', title: 'last pushed ' + f.pushed },
        num(f.count) + (f.count === 1 ? ' series' : ' series') + ' · pushed ' + formatTime(f.pushedMs)));
    const table = el('table', { class: 'series' },
      el('thead', {}, el('tr', {}, el('th', { text: 'Labels', title: 'The grouping labels are not repeated here' }), el('th', { text: 'Value' }))));
    const tbody = el('tbody');
    table.append(tbody);
    const block = el('details', { class: 'family', open }, summary, table);
    appendSeries(block, tbody, groupId, f, grouping);
    return block;
  }

  function appendSeries(block, tbody, groupId, f, grouping) {
    for (const m of f.metrics) tbody.append(seriesRow(m, grouping));
    const old = block.querySelector('.more-series');
    if (old) old.remove();
    const shown = f.offset + f.metrics.length;
    if (shown < f.count) {
      const rest = f.count - shown;
      const button = el('button', {
        type: 'button', class: 'small more-series',
        onclick: async () => {
          button.disabled = true;
          try {
            const data = await getJson({ view: 'group', id: groupId, family: f.name, offset: shown, limit: 1000 });
            const next = data.found && data.families[0];
            if (next) appendSeries(block, tbody, groupId, next, grouping);
            else button.replaceWith(el('span', { class: 'error', text: 'This family no longer exists.' }));
          } catch (e) {
            button.disabled = false;
            button.title = e.message;
          }
        },
      }, 'Show ' + num(Math.min(rest, 1000)) + ' more of ' + num(rest) + ' remaining series');
      block.append(button);
    }
  }

  function seriesRow(m, grouping) {
    const own = m.labels.filter(([n, v]) => grouping.get(n) !== v && !(n === 'instance' && v === '' && !grouping.has('instance')));
    const labels = el('td', {}, ...(own.length ? own.map(([n, v]) => labelBadge(n, v)) : [el('span', { class: 'note', text: '(none)' })]));
    if (m.ts !== undefined) labels.append(' ', el('span', { class: 'note', text: '@' + formatTime(m.ts) }));
    return el('tr', {}, labels, el('td', { class: 'value' }, valueCell(m)));
  }

  function innerTable(rows) {
    return el('table', { class: 'inner' }, ...rows.map(([k, v]) => el('tr', {}, el('td', { text: k }), el('td', { text: v }))));
  }

  const BOUNDS = { 0: ['(', ']'], 1: ['[', ')'], 2: ['(', ')'], 3: ['[', ']'] };

  function valueCell(m) {
    if (m.value !== undefined) return m.value;
    if (m.quantiles !== undefined) {
      return innerTable([...m.quantiles.map(([q, v]) => ['Quantile ' + q, v]),
        ['Sample Count', m.count], ['Sample Sum', m.sum]]);
    }
    const rows = m.buckets.map(([le, c]) => ['Sample values \u2264 ' + le, c]);
    if (m.native) {
      rows.push(['Native histogram', 'schema ' + m.schema + ', zero threshold ' + m.zeroThreshold]);
      for (const [kind, lo, hi, c] of m.native) {
        const [open, close] = BOUNDS[kind] || ['(', ')'];
        rows.push([open + lo + ', ' + hi + close, c]);
      }
      if (m.native.length === 0) rows.push(['(no observations)', '']);
    }
    rows.push(['Total Sample Count', m.count], ['Sample Sum', m.sum]);
    return innerTable(rows);
  }

  // ---------------------------------------------------------------- deleting

  let pendingAction = null;

  function openConfirm(title, text, curl, action) {
    ui.dialogTitle.textContent = title;
    ui.dialogText.replaceChildren(...text);
    ui.dialogCurl.textContent = curl;
    ui.dialogError.hidden = true;
    ui.dialogOk.disabled = false;
    pendingAction = action;
    ui.dialog.showModal();
    ui.dialogCancel.focus();
  }

  async function runConfirmed() {
    if (!pendingAction) return;
    ui.dialogOk.disabled = true;
    try {
      await pendingAction();
      pendingAction = null;
      ui.dialog.close();
    } catch (e) {
      ui.dialogError.textContent = e.message;
      ui.dialogError.hidden = false;
      ui.dialogOk.disabled = false;
    }
  }

  function confirmDeleteGroup(row) {
    const g = row.group;
    const url = prefix + '/metrics/' + g.del;
    openConfirm('Delete group',
      ['Do you really want to delete all metrics of group ', el('b', { text: labelText(g.labels) }), '?'],
      'curl -X DELETE ' + shellQuote(absoluteUrl(url)),
      async () => {
        const resp = await fetch(url, { method: 'DELETE' });
        if (!resp.ok) throw new Error('Deleting the group failed: HTTP ' + resp.status + ' ' + (await resp.text()).trim());
        // A list load still in flight may have been answered before the delete: reload instead.
        if (list.loading) { loadGroups(true); return; }
        // By id, not this element: a reload since the dialog opened may show the group anew.
        for (const r of ui.groups.querySelectorAll('.group')) {
          if (r.group && r.group.id === g.id) {
            r.remove();
            list.offset = Math.max(0, list.offset - 1);
            list.matched = Math.max(0, list.matched - 1);
          }
        }
        loadFiguresSoon();
      });
  }

  function confirmDeleteAll() {
    const url = prefix + '/api/v1/admin/wipe';
    openConfirm('Delete all groups',
      ['Do you really want to delete all metrics from all ', el('b', { text: ui.deleteAllCount.textContent }), ' metric groups?'],
      'curl -X PUT ' + shellQuote(absoluteUrl(url)),
      async () => {
        const resp = await fetch(url, { method: 'PUT' });
        if (!resp.ok) throw new Error('Deleting all groups failed: HTTP ' + resp.status + ' ' + (await resp.text()).trim());
        loadGroups(true);
      });
  }

  // After a delete, the counts change but the loaded rows stay: ask for the figures only.
  let figuresTimer = 0;
  function loadFiguresSoon() {
    clearTimeout(figuresTimer);
    figuresTimer = setTimeout(async () => {
      try {
        const data = await getJson({ ...listParams(0), limit: 1 });
        list.matched = data.matched;
        list.total = data.total;
        showFigures(data);
        maybeLoadMore();
      } catch (e) { /* the next refresh shows it */ }
    }, 150);
  }

  // ---------------------------------------------------------------- status

  async function loadStatus() {
    const view = ui.statusView;
    if (!view.firstChild) view.append(el('p', { class: 'note', text: 'Loading…' }));
    try {
      const s = await getJson({ view: 'status' });
      list.clockSkew = s.now - Date.now();
      const store = s.store;
      const card = (title, rows) => el('div', { class: 'card' }, el('h2', { text: title }),
        el('table', { class: 'kv' }, ...rows.map(([k, v]) => el('tr', {}, el('th', { text: k }), el('td', {}, v)))));
      view.replaceChildren(el('div', { class: 'status-grid' },
        card('Store', [['Groups', num(store.groups)], ['Series', num(store.series)],
          ['Metric names', num(store.families)],
          ['Consistent', store.consistent ? 'yes' : 'NO: scrapes of /metrics fail until it is fixed']]),
        card('Runtime Information', [
          ['Started', el('span', {}, s.startTime, el('span', { class: 'note', text: '  (up ' + ago(s.startMs).replace(' ago', '') + ')' }))],
          ...Object.entries(s.runtime)]),
        card('Build Information', Object.entries(s.build)),
        card('Startup Flags', Object.entries(s.flags))));
    } catch (e) {
      view.replaceChildren(el('p', { class: 'error', text: 'Loading the status failed: ' + e.message }));
    }
  }

  // ---------------------------------------------------------------- tabs and wiring

  function showTab() {
    const status = location.hash.startsWith('#status');
    ui.groupsView.hidden = status;
    ui.statusView.hidden = !status;
    ui.tabGroups.classList.toggle('active', !status);
    ui.tabStatus.classList.toggle('active', status);
    if (status) loadStatus();
  }

  let filterTimer = 0;
  ui.filter.addEventListener('input', () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => loadGroups(true), 200);
  });
  ui.filter.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') { clearTimeout(filterTimer); loadGroups(true); }
  });
  for (const control of [ui.sort, ui.stale, ui.problems]) {
    control.addEventListener('change', () => { saveSettings(); loadGroups(true); });
  }
  ui.refresh.addEventListener('click', () => loadGroups(true));
  ui.loadMore.addEventListener('click', () => loadGroups(false));
  ui.deleteAll.hidden = !adminApi;
  ui.deleteAll.addEventListener('click', confirmDeleteAll);
  ui.dialogOk.addEventListener('click', runConfirmed);
  ui.dialogCancel.addEventListener('click', () => { pendingAction = null; ui.dialog.close(); });
  window.addEventListener('scroll', maybeLoadMore, { passive: true });
  window.addEventListener('resize', maybeLoadMore);
  window.addEventListener('hashchange', showTab);
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && document.activeElement !== ui.filter && !ui.dialog.open) {
      ev.preventDefault();
      ui.filter.focus();
    }
  });
  setInterval(refreshAgo, 15000);

  restoreSettings();
  showTab();
  loadGroups(true);
})();
