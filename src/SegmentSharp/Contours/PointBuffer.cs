using System.Buffers;
using SegmentSharp.Geometry;

namespace SegmentSharp.Contours;

/// <summary>
/// One growable store for the points of every contour found by a call, so tracing allocates per doubling, not per
/// contour or per pixel; the public arrays are cut from it once the output order is known. The storage is rented from
/// the shared pool, so repeated calls on big masks do not churn the large-object heap.
/// </summary>
internal struct PointBuffer
{
    private Point[] _items;
    private int _count;

    public PointBuffer(int capacity) { _items = ArrayPool<Point>.Shared.Rent(Math.Max(capacity, 16)); _count = 0; }

    public readonly int Count => _count;

    public readonly ReadOnlySpan<Point> Slice(int start, int length) => _items.AsSpan(start, length);

    public void Add(int x, int y)
    {
        if (_count == _items.Length) Grow();
        _items[_count++] = new Point(x, y);
    }

    private void Grow()
    {
        long next = Math.Min((long)_items.Length * 2, Array.MaxLength);
        if (next <= _items.Length) throw new InvalidOperationException("Too many contour points for one array.");
        var bigger = ArrayPool<Point>.Shared.Rent((int)next);
        _items.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<Point>.Shared.Return(_items);
        _items = bigger;
    }

    /// <summary>Gives the storage back to the pool; the buffer is empty afterwards.</summary>
    public void Release()
    {
        if (_items.Length != 0) ArrayPool<Point>.Shared.Return(_items);
        _items = [];
        _count = 0;
    }
}
