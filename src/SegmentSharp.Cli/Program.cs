return SegmentSharp.Cli.CliApp.Run(args);
