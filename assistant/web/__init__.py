"""The Gradio web app: a thin layer over the UI-free services."""
