"""Reading evidence in the app: the full-screen image viewer, the conversation view of a
chat export (virtualised), key messages, and the OCR text beside an image."""
