using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NanoSnn.Firmware")]
[assembly: AssemblyDescription("nanoSnn spiking-network runtime for ESP32 boards")]
[assembly: AssemblyProduct("nanoSnn")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
