package display

import (
	"bytes"
	"encoding/base64"
	"image"
	_ "image/jpeg" // registers the JPEG format for image.DecodeConfig
	"image/png"
)

// PNG shows PNG-encoded image data.
func PNG(b []byte) { Display(imageBundle(mimePNG, "PNG", b)) }

// JPEG shows JPEG-encoded image data.
func JPEG(b []byte) { Display(imageBundle(mimeJPEG, "JPEG", b)) }

// Image encodes img as PNG and shows it.
func Image(img image.Image) {
	if img == nil {
		warn("Image: nil image")
		return
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		warn("Image: %v", err)
		return
	}
	PNG(buf.Bytes())
}

func imageBundle(mime, format string, b []byte) MIMEBundle {
	return MIMEBundle{mime: base64.StdEncoding.EncodeToString(b), mimeText: imageText(format, b)}
}
