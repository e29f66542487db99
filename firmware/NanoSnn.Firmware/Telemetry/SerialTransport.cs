using System;
using System.IO.Ports;
using nanoFramework.Hardware.Esp32;

namespace NanoSnn.Firmware.Telemetry
{
    /// <summary>
    /// Telemetry over a UART (to a USB-serial bridge or adapter and on to <c>nanosnn monitor</c>).
    /// On the classic ESP32, UART0 (COM1) is the nanoFramework debugger link, so telemetry uses
    /// COM2 on the pins the board profile names; on the ESP32-S3 with the USB-CDC nanoCLR image,
    /// UART0 is free and COM1 is the board's "UART" connector.
    /// </summary>
    public sealed class SerialTransport : ByteTransport, IDisposable
    {
        private readonly SerialPort _port;

        /// <summary>
        /// Routes <paramref name="txPin"/>/<paramref name="rxPin"/> to <paramref name="portName"/>
        /// ("COM1".."COM3") and opens it at <paramref name="baud"/>, 8N1, with a short write timeout.
        /// </summary>
        public SerialTransport(string portName, int txPin, int rxPin, int baud)
        {
            if (txPin >= 0) Configuration.SetPinFunction(txPin, TxFunction(portName));
            if (rxPin >= 0) Configuration.SetPinFunction(rxPin, RxFunction(portName));
            _port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One);
            _port.WriteTimeout = 50;
            _port.Open();
        }

        private static DeviceFunction TxFunction(string port)
        {
            if (port == "COM1") return DeviceFunction.COM1_TX;
            if (port == "COM2") return DeviceFunction.COM2_TX;
            if (port == "COM3") return DeviceFunction.COM3_TX;
            throw new ArgumentException("telemetry UART: port must be COM1, COM2 or COM3, not " + port);
        }

        private static DeviceFunction RxFunction(string port)
        {
            if (port == "COM1") return DeviceFunction.COM1_RX;
            if (port == "COM2") return DeviceFunction.COM2_RX;
            if (port == "COM3") return DeviceFunction.COM3_RX;
            throw new ArgumentException("telemetry UART: port must be COM1, COM2 or COM3, not " + port);
        }

        /// <inheritdoc/>
        protected override void WriteBytes(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }

        /// <summary>Closes the port.</summary>
        public void Dispose()
        {
            _port.Close();
            _port.Dispose();
        }
    }
}
