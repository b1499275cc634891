using System.Runtime.Versioning;

// The Bicep compiler package is linux-x64 and the deployment package is built for Linux: these
// tests run on Linux only.
[assembly: SupportedOSPlatform("linux")]
