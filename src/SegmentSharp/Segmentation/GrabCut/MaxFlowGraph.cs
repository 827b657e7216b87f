using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SegmentSharp.Segmentation;

/// <summary>
/// An s-t graph with terminal weights and its exact maximum flow / minimum cut by the Boykov–Kolmogorov algorithm
/// (Y. Boykov, V. Kolmogorov, "An experimental comparison of min-cut/max-flow algorithms for energy minimization in
/// vision", IEEE TPAMI 26(9), 2004), with the data layout and visiting order of OpenCV's <c>cv::detail::GCGraph</c>,
/// so that ties between equally cheap cuts are broken as in <c>cv2.grabCut</c>.
/// </summary>
/// <remarks>Vertices and edges live in flat struct arrays that are reused by <see cref="Reset"/>; edge indices start
/// at 2 so that an edge and its reverse are <c>e</c> and <c>e ^ 1</c>, 0 means "none" and negative parents mark roots
/// and orphans, as in OpenCV.</remarks>
internal sealed class MaxFlowGraph
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Vertex
    {
        public int Next;    // next active vertex, Null when not queued
        public int Parent;  // edge to the parent, 0 free, Terminal or Orphan
        public int First;   // first outgoing edge
        public int Ts;      // time stamp of Dist
        public int Dist;    // distance to the terminal
        public byte T;      // 0: source tree, 1: sink tree
        public double Weight; // residual terminal capacity: > 0 from the source, < 0 to the sink
    }

    private struct Edge
    {
        public int Dst, Next;
        public double Weight;
    }

    private const int Null = -1, Terminal = -1, Orphan = -2;

    private Vertex[] _v = [];
    private Edge[] _e = [];
    private int _vertexCount, _edgeCount;
    private int[] _orphans = new int[64];
    private double _flow;

    /// <summary>Empties the graph, keeping its memory for up to <paramref name="vertices"/> and
    /// <paramref name="edgePairs"/> (each a pair of directed edges).</summary>
    public void Reset(int vertices, int edgePairs)
    {
        if (_v.Length < vertices + 1) _v = new Vertex[vertices + 1];
        long edges = 2L * edgePairs + 2;
        if (edges > Array.MaxLength) throw new ArgumentException("The graph is too large.");
        if (_e.Length < edges) _e = new Edge[edges];
        _vertexCount = 0;
        _edgeCount = 2;
        _flow = 0;
    }

    public int VertexCount => _vertexCount;

    /// <summary>Adds a vertex without terminal weights and returns its index.</summary>
    public int AddVertex()
    {
        if (_vertexCount + 1 >= _v.Length) Array.Resize(ref _v, Math.Max(4, 2 * _v.Length));
        _v[_vertexCount] = new Vertex { Next = Null };
        return _vertexCount++;
    }

    /// <summary>Adds the edge i→j with capacity <paramref name="w"/> and j→i with <paramref name="reverseW"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddEdges(int i, int j, double w, double reverseW)
    {
        if ((uint)i >= (uint)_vertexCount || (uint)j >= (uint)_vertexCount || i == j) throw new ArgumentOutOfRangeException(nameof(i));
        if (!(w >= 0) || !(reverseW >= 0)) throw new ArgumentOutOfRangeException(nameof(w), "Capacities must not be negative.");
        if (_edgeCount + 2 > _e.Length) Array.Resize(ref _e, Math.Max(8, 2 * _e.Length));
        int k = _edgeCount;
        _e[k] = new Edge { Dst = j, Next = _v[i].First, Weight = w };
        _v[i].First = k;
        _e[k + 1] = new Edge { Dst = i, Next = _v[j].First, Weight = reverseW };
        _v[j].First = k + 1;
        _edgeCount = k + 2;
    }

    /// <summary>Adds capacities source→i and i→sink; only their difference is kept, the common part is flow.</summary>
    public void AddTermWeights(int i, double sourceW, double sinkW)
    {
        double dw = _v[i].Weight;
        if (dw > 0) sourceW += dw;
        else sinkW -= dw;
        _flow += sourceW < sinkW ? sourceW : sinkW;
        _v[i].Weight = sourceW - sinkW;
    }

    /// <summary>After <see cref="MaxFlow"/>: OpenCV's <c>inSourceSegment</c>, the tree the vertex was last in (0 for
    /// one never reached). Vertices left free may sit on either side, so this partition is OpenCV's, not always a
    /// minimum cut; <see cref="InSourceTree"/> is one.</summary>
    public bool InSourceSegment(int i) => _v[i].T == 0;

    /// <summary>After <see cref="MaxFlow"/>: whether vertex i is still reachable from the source in the residual
    /// graph (the final source tree); these vertices form the source side of a minimum cut.</summary>
    public bool InSourceTree(int i) => _v[i].T == 0 && _v[i].Parent != 0;

    /// <summary>Runs the maximum flow and returns its value (the minimum cut's capacity).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double MaxFlow()
    {
        // Indices come from the graph itself, so the hot loops skip bounds checks.
        ref Vertex vb = ref MemoryMarshal.GetArrayDataReference(_v);
        ref Edge eb = ref MemoryMarshal.GetArrayDataReference(_e);
        int nil = _vertexCount; // a sentinel vertex closing the active queue
        Unsafe.Add(ref vb, nil) = new Vertex { Next = nil };
        int first = nil, last = nil, currTs = 0, orphanCount = 0;

        for (int i = 0; i < _vertexCount; i++)
        {
            ref var x = ref Unsafe.Add(ref vb, i);
            x.Ts = 0;
            if (x.Weight != 0)
            {
                Unsafe.Add(ref vb, last).Next = i;
                last = i;
                x.Dist = 1;
                x.Parent = Terminal;
                x.T = x.Weight < 0 ? (byte)1 : (byte)0;
            }
            else x.Parent = 0;
        }
        first = Unsafe.Add(ref vb, nil).Next;
        Unsafe.Add(ref vb, last).Next = nil;
        Unsafe.Add(ref vb, nil).Next = Null;

        for (;;)
        {
            int e0 = -1, ei;
            // Grow both search trees breadth first until an edge joins them.
            while (first != nil)
            {
                ref var a = ref Unsafe.Add(ref vb, first);
                if (a.Parent != 0)
                {
                    int vt = a.T;
                    for (ei = a.First; ei != 0; ei = Unsafe.Add(ref eb, ei).Next)
                    {
                        if (Unsafe.Add(ref eb, ei ^ vt).Weight == 0) continue;
                        int ui = Unsafe.Add(ref eb, ei).Dst;
                        ref var u = ref Unsafe.Add(ref vb, ui);
                        if (u.Parent == 0)
                        {
                            u.T = (byte)vt;
                            u.Parent = ei ^ 1;
                            u.Ts = a.Ts;
                            u.Dist = a.Dist + 1;
                            if (u.Next == Null)
                            {
                                u.Next = nil;
                                Unsafe.Add(ref vb, last).Next = ui;
                                last = ui;
                            }
                            continue;
                        }
                        if (u.T != vt) { e0 = ei ^ vt; break; }
                        if (u.Dist > a.Dist + 1 && u.Ts <= a.Ts)
                        {
                            u.Parent = ei ^ 1;
                            u.Ts = a.Ts;
                            u.Dist = a.Dist + 1;
                        }
                    }
                    if (e0 > 0) break;
                }
                int next = a.Next;
                a.Next = Null;
                first = next;
            }
            if (e0 <= 0) break;

            // The bottleneck of the path source → ... → e0 → ... → sink (k = 1 walks the source tree).
            double minWeight = Unsafe.Add(ref eb, e0).Weight;
            for (int k = 1; k >= 0; k--)
            {
                int vi = Unsafe.Add(ref eb, e0 ^ k).Dst;
                for (;;)
                {
                    ei = Unsafe.Add(ref vb, vi).Parent;
                    if (ei < 0) break;
                    double w = Unsafe.Add(ref eb, ei ^ k).Weight;
                    if (w < minWeight) minWeight = w;
                    vi = Unsafe.Add(ref eb, ei).Dst;
                }
                double tw = Math.Abs(Unsafe.Add(ref vb, vi).Weight);
                if (tw < minWeight) minWeight = tw;
            }

            Unsafe.Add(ref eb, e0).Weight -= minWeight;
            Unsafe.Add(ref eb, e0 ^ 1).Weight += minWeight;
            _flow += minWeight;
            for (int k = 1; k >= 0; k--)
            {
                int vi = Unsafe.Add(ref eb, e0 ^ k).Dst;
                for (;;)
                {
                    ei = Unsafe.Add(ref vb, vi).Parent;
                    if (ei < 0) break;
                    Unsafe.Add(ref eb, ei ^ (k ^ 1)).Weight += minWeight;
                    if ((Unsafe.Add(ref eb, ei ^ k).Weight -= minWeight) == 0) PushOrphan(ref vb, vi, ref orphanCount);
                    vi = Unsafe.Add(ref eb, ei).Dst;
                }
                Unsafe.Add(ref vb, vi).Weight += minWeight * (1 - k * 2);
                if (Unsafe.Add(ref vb, vi).Weight == 0) PushOrphan(ref vb, vi, ref orphanCount);
            }

            // Adopt the orphans: the nearest valid parent in the same tree, or free them.
            currTs++;
            while (orphanCount > 0)
            {
                int oi = _orphans[--orphanCount];
                int minDist = int.MaxValue;
                e0 = 0;
                int vt = Unsafe.Add(ref vb, oi).T;
                for (ei = Unsafe.Add(ref vb, oi).First; ei != 0; ei = Unsafe.Add(ref eb, ei).Next)
                {
                    if (Unsafe.Add(ref eb, ei ^ (vt ^ 1)).Weight == 0) continue;
                    int ui = Unsafe.Add(ref eb, ei).Dst;
                    if (Unsafe.Add(ref vb, ui).T != vt || Unsafe.Add(ref vb, ui).Parent == 0) continue;
                    int d = 0;
                    for (;;)
                    {
                        ref var u = ref Unsafe.Add(ref vb, ui);
                        if (u.Ts == currTs) { d += u.Dist; break; }
                        int ej = u.Parent;
                        d++;
                        if (ej < 0)
                        {
                            if (ej == Orphan) d = int.MaxValue - 1;
                            else { u.Ts = currTs; u.Dist = 1; }
                            break;
                        }
                        ui = Unsafe.Add(ref eb, ej).Dst;
                    }
                    if (++d < int.MaxValue)
                    {
                        if (d < minDist) { minDist = d; e0 = ei; }
                        for (ui = Unsafe.Add(ref eb, ei).Dst; Unsafe.Add(ref vb, ui).Ts != currTs; ui = Unsafe.Add(ref eb, Unsafe.Add(ref vb, ui).Parent).Dst)
                        {
                            Unsafe.Add(ref vb, ui).Ts = currTs;
                            Unsafe.Add(ref vb, ui).Dist = --d;
                        }
                    }
                }
                ref var o = ref Unsafe.Add(ref vb, oi);
                if ((o.Parent = e0) > 0)
                {
                    o.Ts = currTs;
                    o.Dist = minDist;
                    continue;
                }
                o.Ts = 0;
                for (ei = o.First; ei != 0; ei = Unsafe.Add(ref eb, ei).Next)
                {
                    int ui = Unsafe.Add(ref eb, ei).Dst;
                    ref var u = ref Unsafe.Add(ref vb, ui);
                    int ej = u.Parent;
                    if (u.T != vt || ej == 0) continue;
                    if (Unsafe.Add(ref eb, ei ^ (vt ^ 1)).Weight != 0 && u.Next == Null)
                    {
                        u.Next = nil;
                        Unsafe.Add(ref vb, last).Next = ui;
                        last = ui;
                    }
                    if (ej > 0 && Unsafe.Add(ref eb, ej).Dst == oi) PushOrphan(ref vb, ui, ref orphanCount);
                }
            }
        }
        return _flow;
    }

    private void PushOrphan(ref Vertex vb, int i, ref int count)
    {
        if (count == _orphans.Length) Array.Resize(ref _orphans, 2 * count);
        _orphans[count++] = i;
        Unsafe.Add(ref vb, i).Parent = Orphan;
    }
}
