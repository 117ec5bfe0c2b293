# Single-user image for JupyterHub on Kubernetes (Zero to JupyterHub, KubeSpawner):
# Jupyter's docker-stacks base image + Go + gokernel, installed by install.sh itself
# (the script the tests run), system-wide as for a class on one server.
#
#   docker build -t registry.example.org/gokernel-singleuser:1 .
#   docker push registry.example.org/gokernel-singleuser:1
#   helm upgrade --install jhub jupyterhub/jupyterhub -f deploy/kubernetes/config.yaml
#
# Not built by this project's tests: its development and CI machines have no
# container engine (README, "Deploying for a class"). Pin BASE_IMAGE to a dated
# tag for a class, and use the same JupyterHub major version in the image as in
# the Helm chart's hub.
ARG BASE_IMAGE=quay.io/jupyter/base-notebook:latest
ARG GO_IMAGE=golang:1.26-bookworm

FROM ${GO_IMAGE} AS go

FROM ${BASE_IMAGE}
USER root
# Go stays in the image: the kernel type-checks cells against its standard library
# sources, and %%compile cells build real programs with it.
COPY --from=go /usr/local/go /usr/local/go
ENV PATH=/usr/local/go/bin:${PATH}
COPY . /tmp/gokernel
RUN cd /tmp/gokernel \
 && ./install.sh --prefix /usr/local --no-frontend \
 && cat deploy/jupyter_server_config.py >> /etc/jupyter/jupyter_server_config.py \
 && mkdir -p /opt/gokernel \
 && cp -r notebooks /opt/gokernel/notebooks \
 && cd / && rm -rf /tmp/gokernel /root/.cache/go-build /root/go
USER ${NB_UID}
WORKDIR /home/${NB_USER}
