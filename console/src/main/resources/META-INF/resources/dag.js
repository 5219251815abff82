// Lays out a build's step runs with dagre (one cluster per arch) and draws them as SVG; each node links to its log.
(function () {
  'use strict';
  var host = document.getElementById('dag');
  if (!host || typeof dagre === 'undefined') { return; }
  var data = JSON.parse(host.getAttribute('data-graph'));
  var build = host.getAttribute('data-build');
  var g = new dagre.graphlib.Graph({ compound: true });
  g.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 36, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(function () { return {}; });
  var groups = {};
  data.nodes.forEach(function (n) {
    if (!groups[n.group]) { groups[n.group] = true; g.setNode('cluster:' + n.group, { label: n.group, paddingTop: 18 }); }
    g.setNode(n.run, { run: n.run, state: n.state, width: Math.max(90, n.run.length * 7 + 18), height: 28 });
    g.setParent(n.run, 'cluster:' + n.group);
  });
  data.edges.forEach(function (e) { g.setEdge(e.from, e.to); });
  dagre.layout(g);

  var NS = 'http://www.w3.org/2000/svg';
  var el = function (name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  };
  var size = g.graph();
  var svg = el('svg', { width: size.width, height: size.height, viewBox: '0 0 ' + size.width + ' ' + size.height, id: 'dag-svg' });
  g.nodes().forEach(function (v) {
    var n = g.node(v);
    if (v.indexOf('cluster:') !== 0) { return; }
    var c = el('g', { 'class': 'cluster' }, svg);
    el('rect', { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height, rx: 6 }, c);
    el('text', { x: n.x - n.width / 2 + 8, y: n.y - n.height / 2 + 14 }, c).textContent = n.label;
  });
  g.edges().forEach(function (e) {
    var pts = g.edge(e).points.map(function (p) { return p.x + ',' + p.y; }).join(' ');
    el('polyline', { points: pts, 'class': 'edge', 'marker-end': 'url(#arrow)' }, svg);
  });
  var defs = el('defs', {}, svg);
  var marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto' }, defs);
  el('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#8795a3' }, marker);
  g.nodes().forEach(function (v) {
    if (v.indexOf('cluster:') === 0) { return; }
    var n = g.node(v);
    var link = el('a', { href: '/builds/' + encodeURIComponent(build) + '/steps/' + encodeURIComponent(n.run) + '/log',
      'class': 'node', 'data-run': n.run, 'data-state': n.state }, svg);
    el('title', {}, link).textContent = n.run;
    el('rect', { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height, rx: 5 }, link);
    el('text', { x: n.x, y: n.y + 4, 'text-anchor': 'middle' }, link).textContent = n.run;
  });
  host.innerHTML = '';
  host.appendChild(svg);
})();
