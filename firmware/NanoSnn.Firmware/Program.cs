using System;
using System.Threading;
using NanoSnn.Firmware.App;
using NanoSnn.Firmware.Boards;

namespace NanoSnn.Firmware
{
    /// <summary>
    /// Entry point: runs <see cref="FirmwareApp"/> on the board profile chosen at build time
    /// (<see cref="BoardSelection"/>). Set-up errors (a model that does not fit, a pin in use)
    /// are printed and the device idles with every output in its boot state.
    /// </summary>
    public class Program
    {
        /// <summary>Boots the firmware.</summary>
        public static void Main()
        {
            Console.WriteLine("");
            try
            {
                new FirmwareApp(BoardSelection.Create()).Run();
            }
            catch (Exception e)
            {
                Console.WriteLine("halted: " + e.Message);
            }

            Thread.Sleep(Timeout.Infinite);
        }
    }
}
