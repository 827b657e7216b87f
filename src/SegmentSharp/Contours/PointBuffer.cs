using SegmentSharp.Geometry;

namespace SegmentSharp.Contours;

/// <summary>
/// One growable store for the points of every contour found by a call, so tracing allocates per doubling, not per
/// contour or per pixel; the public arrays are cut from it once the output order is known.
/// </summary>
internal struct PointBuffer
{
    private Point[] _items;
    private int _count;

    public PointBuffer(int capacity) { _items = new Point[Math.Max(capacity, 16)]; _count = 0; }

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
        Array.Resize(ref _items, (int)next);
    }
}
