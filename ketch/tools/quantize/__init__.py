"""The offline quantizer behind ``ketch quantize``: RTN, GPTQ and AWQ on calibration text, written as
GPTQ/AWQ checkpoints (which ``ketch.formats`` reads back packed)."""
