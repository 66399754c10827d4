"""Quantized weights at run time: packed planes (``packed``) and the layers that multiply them (``linear``)."""
