using CsCheck;
using SegmentSharp.Segmentation;

namespace SegmentSharp.Tests.Segmentation;

public class MaxFlowGraphTests
{
    // Edmonds–Karp on a dense capacity matrix (vertex n is the source, n + 1 the sink): slow, obviously right.
    private static double EdmondsKarp(double[,] cap, int s, int t)
    {
        int n = cap.GetLength(0);
        var res = (double[,])cap.Clone();
        double flow = 0;
        var prev = new int[n];
        for (;;)
        {
            Array.Fill(prev, -1);
            prev[s] = s;
            var queue = new Queue<int>();
            queue.Enqueue(s);
            while (queue.Count > 0 && prev[t] < 0)
            {
                int u = queue.Dequeue();
                for (int v = 0; v < n; v++)
                    if (prev[v] < 0 && res[u, v] > 0) { prev[v] = u; queue.Enqueue(v); }
            }
            if (prev[t] < 0) return flow;
            double b = double.MaxValue;
            for (int v = t; v != s; v = prev[v]) b = Math.Min(b, res[prev[v], v]);
            for (int v = t; v != s; v = prev[v]) { res[prev[v], v] -= b; res[v, prev[v]] += b; }
            flow += b;
        }
    }

    private sealed record Case(int N, (int I, int J, int W, int R)[] Edges, (int S, int T)[] Terminals);

    private static readonly Gen<Case> Cases =
        from n in Gen.Int[1, 14]
        from edges in Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1], Gen.Int[0, 20], Gen.Int[0, 20]).Array[0, 40]
        from terms in Gen.Select(Gen.Int[0, 30], Gen.Int[0, 30]).Array[n]
        select new Case(n, edges.Where(e => e.Item1 != e.Item2).ToArray(), terms);

    private static (double Flow, bool[] Source) Bk(Case c, MaxFlowGraph g)
    {
        g.Reset(c.N, c.Edges.Length);
        for (int i = 0; i < c.N; i++) g.AddVertex();
        foreach (var (i, j, w, r) in c.Edges) g.AddEdges(i, j, w, r);
        for (int i = 0; i < c.N; i++) g.AddTermWeights(i, c.Terminals[i].S, c.Terminals[i].T);
        double flow = g.MaxFlow();
        var side = new bool[c.N];
        for (int i = 0; i < c.N; i++) side[i] = g.InSourceTree(i);
        return (flow, side);
    }

    private static double[,] Matrix(Case c)
    {
        var cap = new double[c.N + 2, c.N + 2];
        foreach (var (i, j, w, r) in c.Edges) { cap[i, j] += w; cap[j, i] += r; }
        for (int i = 0; i < c.N; i++) { cap[c.N, i] += c.Terminals[i].S; cap[i, c.N + 1] += c.Terminals[i].T; }
        return cap;
    }

    [Fact]
    public void MaxFlowEqualsEdmondsKarpAndTheCutHasThatCapacity()
    {
        var g = new MaxFlowGraph();
        Cases.Sample(c =>
        {
            var (flow, source) = Bk(c, g);
            var cap = Matrix(c);
            double ek = EdmondsKarp(cap, c.N, c.N + 1);
            Assert.True(ek == flow, $"flow {flow}, Edmonds–Karp {ek}");
            // The final source tree must be the source side of a minimum cut: its capacity equals the flow.
            double cut = 0;
            for (int u = 0; u < c.N + 2; u++)
                for (int v = 0; v < c.N + 2; v++)
                {
                    bool us = u == c.N || (u < c.N && source[u]), vs = v == c.N || (v < c.N && source[v]);
                    if (us && !vs) cut += cap[u, v];
                }
            Assert.True(flow == cut, $"flow {flow}, cut {cut}, n {c.N}, edges {string.Join(' ', c.Edges)}, terminals {string.Join(' ', c.Terminals)}, source {string.Join(' ', source)}");
        }, iter: 3000, threads: 1); // one graph is reused, and a graph is not thread-safe: no parallel samples
    }

    [Fact]
    public void ReusedGraphGivesTheSameAnswer()
    {
        var g = new MaxFlowGraph();
        Cases.Sample(c =>
        {
            var first = Bk(c, g);
            var again = Bk(c, g);
            var fresh = Bk(c, new MaxFlowGraph());
            Assert.Equal(fresh.Flow, first.Flow);
            Assert.Equal(fresh.Flow, again.Flow);
            Assert.Equal(fresh.Source, again.Source);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void GridWithAStrongSeparatorCutsThere()
    {
        // A 1×6 chain, source-tied at the left, sink-tied at the right, weakest link between 3 and 4.
        var g = new MaxFlowGraph();
        g.Reset(6, 5);
        for (int i = 0; i < 6; i++) g.AddVertex();
        double[] links = [9, 8, 7, 1, 6];
        for (int i = 0; i < 5; i++) g.AddEdges(i, i + 1, links[i], links[i]);
        g.AddTermWeights(0, 100, 0);
        g.AddTermWeights(5, 0, 100);
        Assert.Equal(1, g.MaxFlow());
        Assert.Equal([true, true, true, true, false, false], Enumerable.Range(0, 6).Select(g.InSourceTree).ToArray());
    }

    [Fact]
    public void RejectsNegativeCapacitiesAndSelfLoops()
    {
        var g = new MaxFlowGraph();
        g.Reset(2, 1);
        g.AddVertex(); g.AddVertex();
        Assert.Throws<ArgumentOutOfRangeException>(() => g.AddEdges(0, 1, -1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.AddEdges(0, 0, 1, 1));
    }
}
