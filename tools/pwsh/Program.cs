// pwsh: PowerShell's own console entry point, hosted from the Microsoft.PowerShell.SDK package.
return Microsoft.PowerShell.UnmanagedPSEntry.Start(args, args.Length);
