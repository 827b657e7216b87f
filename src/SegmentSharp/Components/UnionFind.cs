using System.Runtime.CompilerServices;

namespace SegmentSharp.Components;

/// <summary>
/// Union-find over provisional labels stored as a parent array where every parent is smaller than or equal to its child.
/// Merging always keeps the smaller root (as OpenCV's <c>UF::Merge</c> does), so a set's root is its first-created label and
/// flattening numbers components in order of their first provisional label, which is what fixes OpenCV's label order.
/// </summary>
internal static class UnionFind
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindRoot(int[] p, int i)
    {
        while (p[i] < i) i = p[i];
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetRoot(int[] p, int i, int root)
    {
        // Path compression: every node on the way now points straight at the root.
        while (p[i] < i)
        {
            int j = p[i];
            p[i] = root;
            i = j;
        }
        p[i] = root;
    }

    /// <summary>Joins the sets of <paramref name="i"/> and <paramref name="j"/> and returns the (smaller) common root.</summary>
    public static int Merge(int[] p, int i, int j)
    {
        int root = FindRoot(p, i);
        if (i != j)
        {
            int rj = FindRoot(p, j);
            if (root > rj) root = rj;
            SetRoot(p, j, root);
        }
        SetRoot(p, i, root);
        return root;
    }

    /// <summary>
    /// Rewrites p[1..last] to final consecutive labels 1..N-1 in order of the roots' indices; returns N (background included).
    /// Relies on p[i] &lt;= i so that p[p[i]] is already final when i is reached.
    /// </summary>
    public static int Flatten(int[] p, int last)
    {
        int k = 1;
        p[0] = 0;
        for (int i = 1; i <= last; i++)
        {
            if (p[i] < i) p[i] = p[p[i]];
            else p[i] = k++;
        }
        return k;
    }
}
