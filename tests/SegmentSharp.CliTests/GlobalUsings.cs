global using SegmentSharp.Pipelines.Text;
