using SocialWork.Samples.Cli;

return SocialWorkCli.Run(args, Console.Out, Console.Error);
