# graph.py — graph algorithms on dict-of-lists adjacency: BFS distances with
# collections.deque, Dijkstra with heapq, connected components by iterative
# DFS with sets, topological sort of a DAG (Kahn), and Prim's minimum
# spanning tree.
import collections
import heapq
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
NODES = max(200, int(40000 * SCALE))


def make_graph(n, seed):
    state = seed
    adj = {i: [] for i in range(n)}
    for u in range(n):
        for _ in range(3):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            v = (u + 1 + state % 50) % n if state % 7 else state % n
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            w = 1 + state % 100
            if v != u:
                adj[u].append((v, w))
                adj[v].append((u, w))
    return adj


def bfs(adj, start):
    dist = {start: 0}
    q = collections.deque([start])
    while q:
        u = q.popleft()
        du = dist[u] + 1
        for v, _ in adj[u]:
            if v not in dist:
                dist[v] = du
                q.append(v)
    return dist


def dijkstra(adj, start):
    dist = {start: 0}
    done = set()
    heap = [(0, start)]
    while heap:
        d, u = heapq.heappop(heap)
        if u in done:
            continue
        done.add(u)
        for v, w in adj[u]:
            nd = d + w
            if nd < dist.get(v, 1 << 60):
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist


def components(adj, removed):
    seen = set(removed)
    sizes = []
    for s in adj:
        if s in seen:
            continue
        stack = [s]
        seen.add(s)
        size = 0
        while stack:
            u = stack.pop()
            size += 1
            for v, _ in adj[u]:
                if v not in seen:
                    seen.add(v)
                    stack.append(v)
        sizes.append(size)
    return sorted(sizes, reverse=True)


def topo_order(n):
    succ = collections.defaultdict(list)
    indeg = [0] * n
    for u in range(n):
        for k in (1, 3, 17):
            v = u + k * (u % 5 + 1)
            if v < n:
                succ[u].append(v)
                indeg[v] += 1
    ready = [u for u in range(n) if indeg[u] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        u = heapq.heappop(ready)
        order.append(u)
        for v in succ[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                heapq.heappush(ready, v)
    return order


def prim(adj):
    start = next(iter(adj))
    in_tree = {start}
    heap = [(w, start, v) for v, w in adj[start]]
    heapq.heapify(heap)
    total = 0
    while heap:
        w, u, v = heapq.heappop(heap)
        if v in in_tree:
            continue
        in_tree.add(v)
        total += w
        for x, wx in adj[v]:
            if x not in in_tree:
                heapq.heappush(heap, (wx, v, x))
    return total, len(in_tree)


def main():
    adj = make_graph(NODES, 99)
    d = bfs(adj, 0)
    print("bfs reached", len(d), "max hops", max(d.values()), "sum", sum(d.values()))
    dj = dijkstra(adj, 0)
    print("dijkstra max", max(dj.values()), "sum", sum(dj.values()))
    removed = {u for u in adj if u % 4 == 0 or len(adj[u]) > 7}
    comps = components(adj, removed)
    print("components", len(comps), comps[:5])
    order = topo_order(NODES)
    print("topo", len(order), order[:8], order[-3:])
    print("mst", prim(adj))


main()
